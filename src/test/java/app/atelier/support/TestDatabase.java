package app.atelier.support;

import app.atelier.Config;
import app.atelier.db.Database;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * The database a test runs on: a SQLite file in the test's folder, or, when the system property
 * {@value #SERVER_PROPERTY} names a PostgreSQL server (the address of a database there that a role which may
 * create databases can reach, such as {@code jdbc:postgresql://localhost/postgres?user=atelier&password=atelier}),
 * a new database on that server for each folder. New databases are copies of one migrated once per run. A run drops
 * what earlier runs left as it starts: dropping a few hundred at exit took longer than the test process is given to
 * end, so most of them stayed.
 */
public final class TestDatabase {
    public static final String SERVER_PROPERTY = "atelier.test.postgresql";
    private static final String SERVER = System.getProperty(SERVER_PROPERTY, "");
    private static final String RUN = "atelier_" + UUID.randomUUID().toString().substring(0, 8);
    /** The database made for each folder, by name. */
    private static final Map<Path, String> MADE = new ConcurrentHashMap<>();
    private static boolean templateReady;

    private TestDatabase() {
    }

    public static boolean onPostgresql() {
        return !SERVER.isEmpty();
    }

    /** The app's configuration for a test folder, on the database of this run. */
    public static Config config(Path folder) {
        return Config.forFolder(folder).withDatabase(url(folder), Database.Login.NONE);
    }

    /** The address of the folder's database: the same address each time it is asked for. */
    public static String url(Path folder) {
        if (!onPostgresql()) return "jdbc:sqlite:" + folder.resolve("atelier.db");
        return named(MADE.computeIfAbsent(folder.toAbsolutePath(), f -> copyOfTemplate()));
    }

    private static synchronized String copyOfTemplate() {
        if (!templateReady) {
            dropEarlierRuns();
            create(RUN + "_template", "");
            Database.open(named(RUN + "_template")).close();
            templateReady = true;
        }
        String name = RUN + "_" + (MADE.size() + 1);
        create(name, " TEMPLATE " + RUN + "_template");
        return name;
    }

    /** The server's address with another database's name in place of the one given. */
    private static String named(String name) {
        return SERVER.replaceFirst("^(jdbc:postgresql://[^/]+/)[^?]*", "$1" + name);
    }

    private static void create(String name, String template) {
        admin("CREATE DATABASE " + name + template);
    }

    /**
     * Drops the databases earlier runs made, several at once (each drop waits for a checkpoint). One that a run going
     * on now still uses is left to that run's successor.
     */
    private static void dropEarlierRuns() {
        var earlier = new ArrayList<String>();
        try (var connection = DriverManager.getConnection(SERVER); var statement = connection.createStatement();
             var rows = statement.executeQuery("SELECT datname FROM pg_database WHERE datname ~ '^atelier_[0-9a-f]{8}_'")) {
            while (rows.next()) earlier.add(rows.getString(1));
        } catch (SQLException e) {
            throw new IllegalStateException("listing earlier runs' databases: " + e.getMessage(), e);
        }
        var dropping = Executors.newFixedThreadPool(8);
        for (String name : earlier) dropping.execute(() -> dropUnlessInUse(name));
        dropping.shutdown();
        try {
            dropping.awaitTermination(5, TimeUnit.MINUTES);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void dropUnlessInUse(String name) {
        try (var connection = DriverManager.getConnection(SERVER); var statement = connection.createStatement()) {
            statement.execute("DROP DATABASE IF EXISTS " + name);
        } catch (SQLException inUse) {
            // another run's, still going on
        }
    }

    private static void admin(String sql) {
        try (var connection = DriverManager.getConnection(SERVER); var statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(sql + ": " + e.getMessage(), e);
        }
    }
}
