package app.atelier.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.condition.DisabledIfSystemProperty;

/**
 * A test of what only the SQLite file has (the file itself, its copies, its crash recovery, its query plans, and the
 * generated large community, which is written as a file): not run against PostgreSQL.
 */
@Target({ElementType.TYPE, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
@DisabledIfSystemProperty(named = TestDatabase.SERVER_PROPERTY, matches = ".+", disabledReason = "of the SQLite file alone")
public @interface SqliteOnly {
}
