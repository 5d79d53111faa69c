package app.atelier.account;

import java.time.Instant;
import java.util.Optional;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

@RegisterConstructorMapper(LoginFailureDao.Failures.class)
interface LoginFailureDao {
    record Failures(int failures, Instant lastFailureAt) {
    }

    @SqlQuery("SELECT failures, last_failure_at FROM login_failure WHERE throttle_key = :key")
    Optional<Failures> find(String key);

    @SqlUpdate("""
            INSERT INTO login_failure (throttle_key, failures, last_failure_at) VALUES (:key, 1, :now)
            ON CONFLICT (throttle_key) DO UPDATE SET failures = login_failure.failures + 1, last_failure_at = :now""")
    void count(String key, Instant now);

    @SqlUpdate("DELETE FROM login_failure WHERE throttle_key = :key")
    void clear(String key);

    @SqlUpdate("UPDATE login_failure SET failures = CASE WHEN failures > 0 THEN failures - 1 ELSE 0 END WHERE throttle_key = :key")
    void giveBack(String key);

    /** @param pairs a LIKE pattern, escaped with a backslash */
    @SqlUpdate("DELETE FROM login_failure WHERE throttle_key = :account OR throttle_key LIKE :pairs ESCAPE '\\'")
    void clearAccount(String account, String pairs);
}
