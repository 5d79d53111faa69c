package app.atelier.db;

import app.atelier.web.HttpProblem;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.lang.reflect.Type;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.sql.Types;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.jdbi.v3.core.ConnectionException;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.HandleCallback;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.argument.AbstractArgumentFactory;
import org.jdbi.v3.core.argument.Argument;
import org.jdbi.v3.core.argument.ArgumentFactory;
import org.jdbi.v3.core.config.ConfigRegistry;
import org.jdbi.v3.sqlobject.SqlObjectPlugin;
import org.postgresql.PGConnection;
import org.postgresql.ds.PGSimpleDataSource;
import org.slf4j.LoggerFactory;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteConnection;
import org.sqlite.SQLiteDataSource;

/**
 * The database: one writer connection and a pool of read-only connections. On SQLite, the writer's transactions
 * begin IMMEDIATE: a deferred read-then-write transaction fails with SQLITE_BUSY whatever the busy timeout, so
 * every write goes through {@link #write}. On PostgreSQL, each write transaction first takes one advisory lock, so
 * that writes from every instance follow one another as they do on SQLite, and every check the code makes before
 * it writes still holds when it writes; reads, the bulk of the work, run side by side on every instance.
 */
public final class Database implements AutoCloseable {
    private static final int READERS = 8;
    /**
     * How long a request waits for a free connection before it is told to come back (503 with Retry-After):
     * a slow page must not turn into failures of all the others.
     */
    private static final long READ_WAIT_MILLIS = 1_000;
    /**
     * Writes take turns on the one writer; a burst of them (thirty payments at once, a double click) waits its turn
     * rather than failing, as each write is short. The admission limit bounds how many can wait at all.
     */
    private static final long WRITE_WAIT_MILLIS = 20_000;

    /** The advisory lock every write transaction takes on PostgreSQL; and the one under which a new database is filled. */
    private static final long WRITE_LOCK = 0x41746c;
    private static final long FILL_LOCK = 0x41746d;
    private static final int SERVER_READERS = 16;

    /** Who connects to a database server; nobody in particular for a file. */
    public record Login(String user, String password) {
        public static final Login NONE = new Login(null, null);
    }

    private final Dialect dialect;
    private final HikariDataSource writerPool;
    private final HikariDataSource readerPool;
    private final Jdbi writer;
    private final Jdbi reader;
    private final ThreadLocal<Boolean> sharing = ThreadLocal.withInitial(() -> false);
    private final ThreadLocal<Handle> shared = new ThreadLocal<>();
    private static final ScheduledExecutorService WATCH = Executors.newSingleThreadScheduledExecutor(r -> {
        var thread = new Thread(r, "read-bound");
        thread.setDaemon(true);
        return thread;
    });
    private volatile Duration readBound = Duration.ofSeconds(10);

    private Database(Dialect dialect, HikariDataSource writerPool, HikariDataSource readerPool) {
        this.dialect = dialect;
        this.writerPool = writerPool;
        this.readerPool = readerPool;
        this.writer = configure(Jdbi.create(writerPool), dialect);
        this.reader = configure(Jdbi.create(readerPool), dialect);
    }

    /** Creates the file if need be, applies pending migrations, then opens the pools. */
    public static Database open(String url) {
        return open(url, Login.NONE, null);
    }

    public static Database open(String url, Consumer<Database> firstContent) {
        return open(url, Login.NONE, firstContent);
    }

    /**
     * Opens the database the address names: a SQLite file ({@link #openFile}) or a PostgreSQL server
     * ({@link #openServer}).
     *
     * @param firstContent what a brand-new database starts with (the demo community), or null for nothing
     */
    public static Database open(String url, Login login, Consumer<Database> firstContent) {
        Dialect dialect;
        try {
            dialect = Dialect.of(url);
        } catch (IllegalArgumentException e) {
            throw new StartFailure(e.getMessage(), e);
        }
        return dialect == Dialect.SQLITE ? openFile(url, firstContent) : openServer(url, login, firstContent);
    }

    /**
     * Opens a SQLite file, holding a lock file beside it so that two instances starting at once take turns. A new
     * database is first built aside, with {@code firstContent} written into it, and put in place whole: a start
     * that dies half-way leaves nothing a later start would keep. Then pending migrations run, and a write proves
     * the file can be saved to. Any of this failing is a {@link StartFailure} that names the file and what is wrong.
     */
    private static Database openFile(String url, Consumer<Database> firstContent) {
        Path file = file(url);
        createParentFolder(file);
        // The file lock orders processes; within one process, starts take turns here.
        synchronized (Database.class) {
            return openLocked(url, file, firstContent);
        }
    }

    private static Database openLocked(String url, Path file, Consumer<Database> firstContent) {
        try (var lock = FileChannel.open(file.resolveSibling(file.getFileName() + ".lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
             var held = lock.lock()) {
            if (firstContent != null && (!Files.exists(file) || Files.size(file) == 0)) buildAside(file, firstContent);
            migrate(url, sqlite(url, false));
            var db = new Database(Dialect.SQLITE, pool(sqlite(url, false), false, 1), pool(sqlite(url, true), true, READERS));
            db.proveWritable(file.toAbsolutePath().toString());
            db.optimize();
            return db;
        } catch (IOException e) {
            throw new StartFailure("Atelier cannot use the database file " + file.toAbsolutePath() + ": " + e.getMessage(), e);
        }
    }

    /** The database cannot start: the message says which file and why, in one line. */
    public static final class StartFailure extends RuntimeException {
        StartFailure(String message, Throwable cause) {
            super(message, cause);
        }
    }

    private static void buildAside(Path file, Consumer<Database> firstContent) throws IOException {
        Path partial = file.resolveSibling(file.getFileName() + ".partial");
        for (String suffix : new String[] {"", "-wal", "-shm", "-journal"}) Files.deleteIfExists(Path.of(partial + suffix));
        String url = "jdbc:sqlite:" + partial;
        migrate(url, sqlite(url, false));
        try (var building = new Database(Dialect.SQLITE, pool(sqlite(url, false), false, 1), pool(sqlite(url, true), true, 1))) {
            firstContent.accept(building);
        }
        Files.move(partial, file, StandardCopyOption.ATOMIC_MOVE);
    }

    /**
     * Opens a PostgreSQL database that several instances may share. Flyway's own lock lets one instance migrate
     * while the others wait; a database with no member yet gets {@code firstContent} from whichever instance takes
     * the fill lock first.
     */
    private static Database openServer(String url, Login login, Consumer<Database> firstContent) {
        String where = url.replaceFirst("\\?.*$", "");
        migrate(where, server(url, login));
        Database db;
        try {
            db = new Database(Dialect.POSTGRESQL, pool(server(url, login), false, 1), pool(server(url, login), true, SERVER_READERS));
        } catch (RuntimeException e) {
            throw new StartFailure("Atelier cannot connect to the database " + where + ": " + rootMessage(e), e);
        }
        if (firstContent != null) db.fillOnce(firstContent);
        db.proveWritable(where);
        return db;
    }

    private void fillOnce(Consumer<Database> firstContent) {
        try (var lock = writerPool.getDataSource().getConnection(); var statement = lock.createStatement()) {
            statement.execute("SELECT pg_advisory_lock(" + FILL_LOCK + ")");
            try {
                if (read(h -> h.createQuery("SELECT count(*) FROM member").mapTo(Long.class).one()) == 0) firstContent.accept(this);
            } finally {
                statement.execute("SELECT pg_advisory_unlock(" + FILL_LOCK + ")");
            }
        } catch (SQLException e) {
            throw new StartFailure("Atelier cannot fill the new database: " + e.getMessage(), e);
        }
    }

    private static void migrate(String where, DataSource source) {
        try {
            Flyway.configure().dataSource(source).locations(Dialect.of(where).migrations()).failOnMissingLocations(false).load().migrate();
        } catch (RuntimeException e) {
            throw new StartFailure("Atelier cannot prepare the database " + where + ": " + rootMessage(e), e);
        }
    }

    /** A read-only file, folder or disk would otherwise start "healthy" and fail at the first click. */
    private void proveWritable(String where) {
        try {
            execute(h -> h.execute("INSERT INTO platform_secret (name, value) VALUES ('started-at', '') "
                    + "ON CONFLICT (name) DO UPDATE SET value = excluded.value"));
        } catch (RuntimeException e) {
            close();
            throw new StartFailure("Atelier cannot write to the database " + where + ": " + rootMessage(e), e);
        }
    }

    /** Whether the database answers a read now. */
    public boolean answers() {
        try {
            return read(h -> h.createQuery("SELECT 1").mapTo(Integer.class).one()) == 1;
        } catch (RuntimeException e) {
            return false;
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null) root = root.getCause();
        return String.valueOf(root.getMessage());
    }

    /**
     * Reads on a read-only connection. While this thread {@link #shareReads shares reads}, they all use one
     * connection, taken at the first read: a page that shows several lists then takes one connection, not one each.
     */
    public <T> T read(HandleCallback<T, RuntimeException> work) {
        if (!sharing.get()) return whenFree(() -> reader.withHandle(h -> bounded(h, work)));
        Handle handle = shared.get();
        if (handle == null) {
            handle = whenFree(reader::open);
            shared.set(handle);
        }
        return bounded(handle, work);
    }

    /** How long one read may run before SQLite is told to stop it, so that a runaway query cannot hold a connection. */
    public void boundReads(Duration bound) {
        this.readBound = bound;
    }

    /** Runs a read, interrupting it in the database once it has run past the bound: the request then gets a 503. */
    private <T> T bounded(Handle handle, HandleCallback<T, RuntimeException> work) {
        var cut = new Cut(handle);
        var timer = WATCH.schedule(cut::interrupt, readBound.toMillis(), TimeUnit.MILLISECONDS);
        try {
            return work.withHandle(handle);
        } catch (RuntimeException e) {
            if (cut.happened()) throw new HttpProblem.Unavailable("error.tooSlow", 5);
            throw e;
        } finally {
            timer.cancel(false);
            cut.end();
        }
    }

    /** The interruption of one read, which can no longer happen once the read has ended and its connection moved on. */
    private static final class Cut {
        private final Handle handle;
        private boolean ended;
        private boolean happened;

        Cut(Handle handle) {
            this.handle = handle;
        }

        synchronized void interrupt() {
            if (ended) return;
            try {
                var connection = handle.getConnection();
                if (connection.isWrapperFor(SQLiteConnection.class)) connection.unwrap(SQLiteConnection.class).getDatabase().interrupt();
                else connection.unwrap(PGConnection.class).cancelQuery();
                happened = true;
            } catch (SQLException e) {
                LoggerFactory.getLogger(Database.class).warn("a read past its bound could not be interrupted", e);
            }
        }

        synchronized boolean happened() {
            return happened;
        }

        synchronized void end() {
            ended = true;
        }
    }

    /** How many reads this instance runs at once. */
    public int readers() {
        return readerPool.getMaximumPoolSize();
    }

    /** From here until {@link #stopSharingReads}, this thread's reads share one connection (one request's reads). */
    public void shareReads() {
        sharing.set(true);
    }

    /** Gives back the connection this thread's reads shared, if they took one. */
    public void stopSharingReads() {
        sharing.set(false);
        Handle handle = shared.get();
        if (handle != null) {
            shared.remove();
            handle.close();
        }
    }

    /**
     * Runs a write transaction on the writer. A read connection this thread's request shares is given back first:
     * held while waiting for the writer, it would keep other requests from reading at all during a burst of writes.
     * The request's later reads take another, which sees the write.
     */
    public <T> T write(HandleCallback<T, RuntimeException> work) {
        Handle reading = shared.get();
        if (reading != null) {
            shared.remove();
            reading.close();
        }
        return whenFree(() -> writer.inTransaction(h -> {
            if (dialect == Dialect.POSTGRESQL) h.createQuery("SELECT pg_advisory_xact_lock(" + WRITE_LOCK + ")").mapTo(String.class).one();
            return work.withHandle(h);
        }));
    }

    public void execute(Consumer<Handle> work) {
        write(h -> {
            work.accept(h);
            return null;
        });
    }

    /**
     * Refreshes the statistics the query planner chooses indexes by, where they have drifted; cheap when nothing did.
     * PostgreSQL's autovacuum does this on its own.
     */
    public void optimize() {
        if (dialect == Dialect.SQLITE) execute(h -> h.execute("PRAGMA optimize"));
    }

    private static <T> T whenFree(Supplier<T> work) {
        try {
            return work.get();
        } catch (ConnectionException e) {
            if (e.getCause() instanceof SQLTransientConnectionException) throw new HttpProblem.Unavailable("error.crowded", 1);
            throw e;
        }
    }

    @Override
    public void close() {
        readerPool.close();
        writerPool.close();
    }

    private static Jdbi configure(Jdbi jdbi, Dialect dialect) {
        jdbi.installPlugin(new SqlObjectPlugin());
        jdbi.registerArgument(new InstantArgument());
        jdbi.registerArgument(new FlagArgument());
        jdbi.registerArgument(new MatchArgument(dialect));
        dialect.defines().forEach(jdbi::define);
        jdbi.registerColumnMapper(Instant.class, (rs, column, ctx) -> {
            long millis = rs.getLong(column);
            return rs.wasNull() ? null : Instant.ofEpochMilli(millis);
        });
        return jdbi;
    }

    private static HikariDataSource pool(DataSource source, boolean readOnly, int size) {
        var config = new HikariConfig();
        config.setDataSource(source);
        config.setMaximumPoolSize(size);
        config.setReadOnly(readOnly);
        config.setMinimumIdle(1);
        config.setConnectionTimeout(readOnly ? READ_WAIT_MILLIS : WRITE_WAIT_MILLIS);
        config.setPoolName(readOnly ? "readers" : "writer");
        return new HikariDataSource(config);
    }

    private static DataSource sqlite(String url, boolean readOnly) {
        var config = new SQLiteConfig();
        config.enforceForeignKeys(true);
        config.setBusyTimeout(5_000);
        config.setJournalMode(SQLiteConfig.JournalMode.WAL);
        config.setSynchronous(SQLiteConfig.SynchronousMode.NORMAL);
        config.setTransactionMode(SQLiteConfig.TransactionMode.IMMEDIATE);
        config.setReadOnly(readOnly);
        var source = new SQLiteDataSource(config);
        source.setUrl(url);
        return source;
    }

    private static DataSource server(String url, Login login) {
        var source = new PGSimpleDataSource();
        source.setURL(url);
        if (login.user() != null) source.setUser(login.user());
        if (login.password() != null) source.setPassword(login.password());
        return source;
    }

    /** The file a SQLite address names. */
    public static Path file(String url) {
        return Path.of(url.replaceFirst("^jdbc:sqlite:", "").replaceFirst("\\?.*$", ""));
    }

    private static void createParentFolder(Path file) {
        Path parent = file.toAbsolutePath().getParent();
        try {
            Files.createDirectories(parent);
        } catch (IOException e) {
            throw new StartFailure("Atelier cannot create the folder " + parent + " for its database: " + e, e);
        }
        if (!Files.isWritable(parent)) throw new StartFailure("Atelier cannot write in the folder " + parent + " that holds its database", null);
    }

    /** Yes and no are stored as 1 and 0 on both databases, as SQLite has them. */
    private static final class FlagArgument implements ArgumentFactory.Preparable {
        @Override
        public Optional<Function<Object, Argument>> prepare(Type type, ConfigRegistry config) {
            if (type != boolean.class && type != Boolean.class) return Optional.empty();
            return Optional.of(value -> (position, statement, ctx) -> {
                if (value == null) statement.setNull(position, Types.INTEGER);
                else statement.setInt(position, (Boolean) value ? 1 : 0);
            });
        }
    }

    /** Words to search for, written as this database's full-text search reads them. */
    private static final class MatchArgument extends AbstractArgumentFactory<FullText.Match> {
        private final Dialect dialect;

        MatchArgument(Dialect dialect) {
            super(Types.VARCHAR);
            this.dialect = dialect;
        }

        @Override
        protected Argument build(FullText.Match value, ConfigRegistry config) {
            return (position, statement, ctx) -> statement.setString(position, dialect.match(value.words(), value.all()));
        }
    }

    private static final class InstantArgument extends AbstractArgumentFactory<Instant> {
        InstantArgument() {
            super(Types.BIGINT);
        }

        @Override
        protected Argument build(Instant value, ConfigRegistry config) {
            return (position, statement, ctx) -> statement.setLong(position, value.toEpochMilli());
        }
    }
}
