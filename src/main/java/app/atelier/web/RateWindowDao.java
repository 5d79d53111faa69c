package app.atelier.web;

import java.time.Instant;
import java.util.Optional;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

@RegisterConstructorMapper(RateWindowDao.Window.class)
interface RateWindowDao {
    record Window(Instant windowStart, long hits) {
    }

    @SqlQuery("SELECT window_start, hits FROM rate_window WHERE limit_key = :key")
    Optional<Window> find(String key);

    /** Counts one hit, in a window that starts now when {@code fresh}. */
    @SqlUpdate("""
            INSERT INTO rate_window (limit_key, window_start, hits) VALUES (:key, :now, 1)
            ON CONFLICT (limit_key) DO UPDATE SET
                window_start = CASE WHEN :fresh = 1 THEN :now ELSE rate_window.window_start END,
                hits = CASE WHEN :fresh = 1 THEN 1 ELSE rate_window.hits + 1 END""")
    void hit(String key, Instant now, boolean fresh);
}
