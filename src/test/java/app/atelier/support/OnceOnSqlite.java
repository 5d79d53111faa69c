package app.atelier.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.condition.DisabledIfSystemProperty;

/**
 * A test whose subject does not change with the database under it (sockets, bodies, headers, a machine's load): run
 * once, on SQLite, as the PostgreSQL pass is about the data layer.
 */
@Target({ElementType.TYPE, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
@DisabledIfSystemProperty(named = TestDatabase.SERVER_PROPERTY, matches = ".+", disabledReason = "not about the data layer")
public @interface OnceOnSqlite {
}
