package app.atelier.db;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;

/**
 * Reading the columns our tables store in their own way, for the row mappers written by hand on the hot lists:
 * Jdbi's reflective mappers work out each query's columns again on every call, which cost more than the query.
 */
public final class Columns {
    private Columns() {
    }

    /** A time stored as epoch milliseconds, or null. */
    public static Instant instant(ResultSet rs, String column) throws SQLException {
        long millis = rs.getLong(column);
        return rs.wasNull() ? null : Instant.ofEpochMilli(millis);
    }

    public static Integer nullableInt(ResultSet rs, String column) throws SQLException {
        int value = rs.getInt(column);
        return rs.wasNull() ? null : value;
    }

    public static <E extends Enum<E>> E choice(ResultSet rs, String column, Class<E> type) throws SQLException {
        return Enum.valueOf(type, rs.getString(column));
    }
}
