package app.atelier.db;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import app.atelier.support.TestDatabase;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The two schemas stay one. An empty SQLite and an empty PostgreSQL, each migrated, are described alike (tables and
 * views, columns by type family and nullability, primary keys, unique keys, indexes, foreign keys) and the
 * descriptions compared line by line. The one difference meant is the full-text index, which each database builds
 * in its own way; any other fails the test with the lines that differ.
 */
class SchemaParityTest {
    private static final Pattern SEARCH_INDEX = Pattern.compile("(challenge|contribution|comment)(_search\\b|_search_|\\.search )");

    @TempDir
    Path dir;

    @Test
    void anEmptySqliteAndAnEmptyPostgresqlHoldTheSameSchema() throws SQLException {
        assumeTrue(TestDatabase.onPostgresql(), "compares with the PostgreSQL server of the second pass");
        String file = "jdbc:sqlite:" + dir.resolve("empty.db");
        Database.open(file).close();
        Database.open(TestDatabase.url(dir)).close();
        Set<String> sqlite;
        Set<String> postgresql;
        try (var connection = DriverManager.getConnection(file)) {
            sqlite = describe(connection, null);
        }
        try (var connection = DriverManager.getConnection(TestDatabase.url(dir))) {
            postgresql = describe(connection, "public");
        }
        var differences = new TreeSet<String>();
        sqlite.stream().filter(line -> !postgresql.contains(line)).forEach(line -> differences.add("only on SQLite: " + line));
        postgresql.stream().filter(line -> !sqlite.contains(line)).forEach(line -> differences.add("only on PostgreSQL: " + line));
        differences.removeIf(SchemaParityTest::ofSearchIndex);
        assertEquals("", String.join("\n", differences), "the schemas differ");
    }

    /**
     * The full-text index of challenges, contributions and comments: SQLite keeps its words in a virtual table (and
     * the tables under it) named after what it indexes, PostgreSQL in a generated column {@code search} and an index.
     */
    private static boolean ofSearchIndex(String line) {
        return SEARCH_INDEX.matcher(line).find();
    }

    private static Set<String> describe(Connection connection, String schema) throws SQLException {
        var meta = connection.getMetaData();
        var lines = new TreeSet<String>();
        for (var table : tables(meta, schema).entrySet()) {
            String name = table.getKey();
            boolean view = table.getValue();
            lines.add((view ? "view " : "table ") + name);
            var primaryKey = primaryKey(meta, schema, name);
            if (!primaryKey.isEmpty()) lines.add("primary key " + name + " (" + String.join(", ", primaryKey) + ")");
            try (var columns = meta.getColumns(null, schema, name, "%")) {
                while (columns.next()) lines.add(column(columns, name, view, primaryKey));
            }
            indexes(meta, schema, name, String.join(", ", primaryKey), lines);
            foreignKeys(meta, schema, name, lines);
        }
        return lines;
    }

    /**
     * A column by family and nullability. A view's columns are said by name alone: SQLite declares no type for a
     * computed one. A key's columns are not null: SQLite says otherwise of a key that is not an integer (it lets a
     * NULL in, by an old bug it keeps), and our writes never give one.
     */
    private static String column(ResultSet column, String table, boolean view, List<String> primaryKey) throws SQLException {
        String name = lower(column.getString("COLUMN_NAME"));
        if (view) return "column " + table + "." + name;
        boolean notNull = primaryKey.contains(name) || column.getInt("NULLABLE") == DatabaseMetaData.columnNoNulls;
        return "column " + table + "." + name + " " + family(column.getString("TYPE_NAME")) + (notNull ? " not null" : "");
    }

    /** Tables and views by name, true for a view; neither the database's own nor Flyway's history. */
    private static Map<String, Boolean> tables(DatabaseMetaData meta, String schema) throws SQLException {
        var tables = new TreeMap<String, Boolean>();
        try (var rows = meta.getTables(null, schema, "%", new String[] {"TABLE", "VIEW"})) {
            while (rows.next()) {
                String name = lower(rows.getString("TABLE_NAME"));
                if (!name.startsWith("sqlite_") && !name.equals("flyway_schema_history")) tables.put(name, rows.getString("TABLE_TYPE").equals("VIEW"));
            }
        }
        return tables;
    }

    private static List<String> primaryKey(DatabaseMetaData meta, String schema, String table) throws SQLException {
        var columns = new TreeMap<Integer, String>();
        try (var rows = meta.getPrimaryKeys(null, schema, table)) {
            while (rows.next()) columns.put(rows.getInt("KEY_SEQ"), lower(rows.getString("COLUMN_NAME")));
        }
        return List.copyOf(columns.values());
    }

    /**
     * Indexes by name, with their columns in order. Those a key makes for itself are named by each database in its own
     * way (sqlite_autoindex_..., ..._pkey, ..._key): they are described by their columns alone, the primary key's not
     * at all.
     */
    private static void indexes(DatabaseMetaData meta, String schema, String table, String primaryKey, Set<String> lines) throws SQLException {
        var columns = new TreeMap<String, TreeMap<Integer, String>>();
        var unique = new TreeSet<String>();
        try (var rows = meta.getIndexInfo(null, schema, table, false, false)) {
            while (rows.next()) {
                String name = lower(rows.getString("INDEX_NAME"));
                if (name == null || rows.getShort("TYPE") == DatabaseMetaData.tableIndexStatistic) continue;
                columns.computeIfAbsent(name, n -> new TreeMap<>()).put((int) rows.getShort("ORDINAL_POSITION"), lower(rows.getString("COLUMN_NAME")));
                if (!rows.getBoolean("NON_UNIQUE")) unique.add(name);
            }
        }
        for (var index : columns.entrySet()) {
            String name = index.getKey();
            String on = String.join(", ", index.getValue().values());
            boolean ofAKey = name.startsWith("sqlite_autoindex_") || name.endsWith("_pkey") || name.endsWith("_key");
            if (ofAKey && on.equals(primaryKey)) continue;
            if (ofAKey) lines.add("unique " + table + " (" + on + ")");
            else lines.add("index " + name + " on " + table + (unique.contains(name) ? " unique" : "") + " (" + on + ")");
        }
    }

    private static void foreignKeys(DatabaseMetaData meta, String schema, String table, Set<String> lines) throws SQLException {
        try (ResultSet rows = meta.getImportedKeys(null, schema, table)) {
            while (rows.next()) {
                lines.add("foreign key " + table + "." + lower(rows.getString("FKCOLUMN_NAME")) + " -> " + lower(rows.getString("PKTABLE_NAME")) + "."
                        + lower(rows.getString("PKCOLUMN_NAME")));
            }
        }
    }

    /** Types by family: SQLite's affinities against PostgreSQL's names, yes and no stored as integers on both. */
    private static String family(String type) {
        String t = type.toLowerCase(Locale.ROOT);
        if (t.contains("int") || t.contains("serial")) return "integer";
        if (t.contains("char") || t.equals("text") || t.equals("clob")) return "text";
        if (t.startsWith("real") || t.startsWith("double") || t.startsWith("float") || t.startsWith("numeric") || t.startsWith("decimal")) return "number";
        if (t.equals("blob") || t.equals("bytea")) return "bytes";
        return t;
    }

    private static String lower(String name) {
        return name == null ? null : name.toLowerCase(Locale.ROOT);
    }
}
