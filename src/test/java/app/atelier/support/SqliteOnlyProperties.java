package app.atelier.support;

import net.jqwik.api.lifecycle.LifecycleContext;
import net.jqwik.api.lifecycle.SkipExecutionHook;

/**
 * {@link SqliteOnly} for jqwik's properties, which JUnit Jupiter's conditions do not reach: the container is skipped
 * on the PostgreSQL pass. Used with {@code @AddLifecycleHook(SqliteOnlyProperties.class)}.
 */
public final class SqliteOnlyProperties implements SkipExecutionHook {
    @Override
    public SkipResult shouldBeSkipped(LifecycleContext context) {
        return TestDatabase.onPostgresql() ? SkipResult.skip("run on SQLite alone") : SkipResult.doNotSkip();
    }
}
