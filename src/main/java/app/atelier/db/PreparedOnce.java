package app.atelier.db;

import java.sql.CallableStatement;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jdbi.v3.core.statement.DefaultStatementBuilder;
import org.jdbi.v3.core.statement.StatementBuilder;
import org.jdbi.v3.core.statement.StatementBuilderFactory;
import org.jdbi.v3.core.statement.StatementContext;

/**
 * SQLite compiles a statement each time it is prepared, which cost a third of its time on the busiest pages. Each
 * pooled connection keeps the statements it prepared, by their text, and a handle borrows one for as long as it
 * runs: a statement in use is out of the cache, so the same text run again inside it gets one of its own. They
 * are prepared on the pool's own connection, which outlives the handle; when the pool retires a connection its
 * statements go with it. (PostgreSQL's driver keeps its server-prepared statements by itself.)
 */
final class PreparedOnce implements StatementBuilderFactory {
    static final int PER_CONNECTION = 200;

    private record Key(String sql, boolean generatedKeys, String keyColumns, boolean updatable) {
        static Key of(String sql, StatementContext ctx) {
            return new Key(sql, ctx.isReturningGeneratedKeys(), Arrays.toString(ctx.getGeneratedKeysColumnNames()), ctx.isConcurrentUpdatable());
        }
    }

    /** One connection's statements, the least recently used closed first, and those lent to a running handle. */
    private static final class Kept extends LinkedHashMap<Key, PreparedStatement> {
        private final IdentityHashMap<Statement, Key> lent = new IdentityHashMap<>();

        Kept() {
            super(16, 0.75f, true);
        }

        @Override
        protected boolean removeEldestEntry(Map.Entry<Key, PreparedStatement> eldest) {
            if (size() <= PER_CONNECTION) return false;
            closeQuietly(eldest.getValue());
            return true;
        }
    }

    private final Map<Connection, Kept> byConnection = new ConcurrentHashMap<>();
    private final StatementBuilder fresh = new DefaultStatementBuilder();
    private final StatementBuilder builder = new StatementBuilder() {
        @Override
        public Statement create(Connection conn, StatementContext ctx) throws SQLException {
            return fresh.create(conn, ctx);
        }

        @Override
        public PreparedStatement create(Connection conn, String sql, StatementContext ctx) throws SQLException {
            Connection own = conn.unwrap(Connection.class);
            var kept = kept(own);
            var key = Key.of(sql, ctx);
            var statement = ready(kept.remove(key));
            if (statement == null) statement = fresh.create(own, sql, ctx);
            kept.lent.put(statement, key);
            return statement;
        }

        @Override
        public CallableStatement createCall(Connection conn, String sql, StatementContext ctx) throws SQLException {
            return fresh.createCall(conn, sql, ctx);
        }

        @Override
        public void close(Connection conn, String sql, Statement statement) throws SQLException {
            var kept = kept(conn.unwrap(Connection.class));
            var key = kept.lent.remove(statement);
            if (key == null || statement.isClosed() || kept.putIfAbsent(key, (PreparedStatement) statement) != null) fresh.close(conn, sql, statement);
        }
    };

    @Override
    public StatementBuilder createStatementBuilder(Connection conn) {
        return builder;
    }

    /** A kept statement cleared for another run, or null if it cannot run again (one interrupted past its bound). */
    private static PreparedStatement ready(PreparedStatement statement) {
        if (statement == null) return null;
        try {
            if (statement.isClosed()) return null;
            statement.clearParameters();
            return statement;
        } catch (SQLException e) {
            closeQuietly(statement);
            return null;
        }
    }

    private Kept kept(Connection own) {
        var kept = byConnection.get(own);
        if (kept != null) return kept;
        byConnection.keySet().removeIf(PreparedOnce::closed);
        return byConnection.computeIfAbsent(own, c -> new Kept());
    }

    private static boolean closed(Connection connection) {
        try {
            return connection.isClosed();
        } catch (SQLException e) {
            return true;
        }
    }

    private static void closeQuietly(Statement statement) {
        try {
            statement.close();
        } catch (SQLException e) {
            // the connection is gone, and the statement with it
        }
    }
}
