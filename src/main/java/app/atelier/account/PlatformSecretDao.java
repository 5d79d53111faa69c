package app.atelier.account;

import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** Secrets the platform makes once and every instance shares. */
interface PlatformSecretDao {
    @SqlUpdate("INSERT INTO platform_secret (name, value) VALUES (:name, :value) ON CONFLICT (name) DO NOTHING")
    void keepFirst(String name, String value);

    @SqlQuery("SELECT value FROM platform_secret WHERE name = :name")
    String value(String name);

    /** The secret of that name, made now with {@code value} when there was none. */
    default String secret(String name, String value) {
        keepFirst(name, value);
        return value(name);
    }
}
