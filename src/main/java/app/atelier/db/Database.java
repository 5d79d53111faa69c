package app.atelier.db;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.io.EOFException;
import java.io.IOException;
import java.lang.reflect.Type;
import java.net.SocketException;
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
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteConnection;
import org.sqlite.SQLiteDataSource;
import org.sqlite.SQLiteException;

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
    /** Between two attempts to reach a database server that does not answer at start. */
    private static final Duration RETRY_EVERY = Duration.ofSeconds(2);
    private static final Logger LOG = LoggerFactory.getLogger(Database.class);
    private static final Duration WRITE_WAIT = Duration.ofSeconds(10);

    /** The advisory lock every write transaction takes on PostgreSQL; and the one under which a new database is filled. */
    static final long WRITE_LOCK = 0x41746c;
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
    @SuppressWarnings("ThreadLocalUsage") // one per database: a test runs several side by side
    private final ThreadLocal<Boolean> sharing = ThreadLocal.withInitial(() -> false);
    @SuppressWarnings("ThreadLocalUsage") // as above
    private final ThreadLocal<Handle> shared = new ThreadLocal<>();
    private static final ScheduledExecutorService WATCH = Executors.newSingleThreadScheduledExecutor(r -> {
        var thread = new Thread(r, "read-bound");
        thread.setDaemon(true);
        return thread;
    });
    private volatile Duration readBound = Duration.ofSeconds(10);
    /**
     * Writes take turns on the one writer; a burst of them (thirty payments at once, a double click) waits its turn
     * rather than failing, as each write is short. Past this bound (a write stuck behind a lock, on this instance or
     * another) the request is told to come back.
     */
    private volatile Duration writeBound = WRITE_WAIT;
    /** The SQLite file this instance holds open, or null for a server. */
    private final Path file;

    private Database(Dialect dialect, HikariDataSource writerPool, HikariDataSource readerPool, Path file) {
        this.dialect = dialect;
        this.file = file;
        this.writerPool = writerPool;
        this.readerPool = readerPool;
        this.writer = configure(Jdbi.create(writerPool), dialect);
        this.reader = configure(Jdbi.create(readerPool), dialect);
    }

    /** Creates the file if need be, applies pending migrations, then opens the pools. */
    public static Database open(String url) {
        return open(url, null);
    }

    public static Database open(String url, Consumer<Database> firstContent) {
        return open(url, Login.NONE, Duration.ZERO, firstContent);
    }

    /**
     * Opens the database the address names: a SQLite file ({@link #openFile}) or a PostgreSQL server
     * ({@link #openServer}).
     *
     * @param waitForServer how long a start waits for a database server that does not answer yet
     * @param firstContent what a brand-new database starts with (the demo community), or null for nothing
     */
    public static Database open(String url, Login login, Duration waitForServer, Consumer<Database> firstContent) {
        Dialect dialect;
        try {
            dialect = Dialect.of(url);
        } catch (IllegalArgumentException e) {
            throw new StartFailure(e.getMessage(), e);
        }
        return dialect == Dialect.SQLITE ? openFile(url, firstContent) : openServer(url, login, waitForServer, firstContent);
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
        try (var lock = FileChannel.open(InUse.lockFile(file), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
             var held = lock.lock()) {
            if (firstContent != null && (!Files.exists(file) || Files.size(file) == 0)) buildAside(file, firstContent);
            InUse.hold(file);
            migrate(url, sqlite(url, false));
            var db = new Database(Dialect.SQLITE, pool(sqlite(url, false), false, 1), pool(sqlite(url, true), true, READERS), file);
            db.proveWritable(file.toAbsolutePath().toString());
            db.optimize();
            return db;
        } catch (IOException | RuntimeException e) {
            InUse.release(file);
            if (e instanceof StartFailure failure) throw failure;
            throw new StartFailure("Atelier cannot use the database file " + file.toAbsolutePath() + ": " + rootMessage(e), e);
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
        try (var building = new Database(Dialect.SQLITE, pool(sqlite(url, false), false, 1), pool(sqlite(url, true), true, 1), null)) {
            firstContent.accept(building);
        }
        Files.move(partial, file, StandardCopyOption.ATOMIC_MOVE);
    }

    /**
     * Opens a PostgreSQL database that several instances may share. Flyway's own lock lets one instance migrate
     * while the others wait; a database with no member yet gets {@code firstContent} from whichever instance takes
     * the fill lock first. A server that does not answer (not up yet, restarting) is tried again every
     * {@link #RETRY_EVERY} until {@code patience} has passed, with a line in the log for each attempt.
     */
    private static Database openServer(String url, Login login, Duration patience, Consumer<Database> firstContent) {
        String where = url.replaceFirst("\\?.*$", "");
        long giveUpAt = System.nanoTime() + patience.toNanos();
        for (int attempt = 1; ; attempt++) {
            try {
                return openServerOnce(url, where, login, firstContent);
            } catch (RuntimeException e) {
                if (why(e) != NotNow.Why.AWAY || System.nanoTime() - giveUpAt > 0) {
                    throw e instanceof StartFailure failure ? failure : new StartFailure("Atelier cannot start on the database " + where + ": " + rootMessage(e), e);
                }
                LOG.warn("attempt {}: the database {} does not answer ({}); trying again in {} s", attempt, where, rootMessage(e), RETRY_EVERY.toSeconds());
                pause(RETRY_EVERY);
            }
        }
    }

    private static Database openServerOnce(String url, String where, Login login, Consumer<Database> firstContent) {
        migrate(where, server(url, login));
        Database db;
        try {
            db = new Database(Dialect.POSTGRESQL, pool(server(url, login), false, 1), pool(server(url, login), true, SERVER_READERS), null);
        } catch (RuntimeException e) {
            throw new StartFailure("Atelier cannot connect to the database " + where + ": " + rootMessage(e), e);
        }
        try {
            if (firstContent != null) db.fillOnce(firstContent);
            db.proveWritable(where);
            return db;
        } catch (RuntimeException e) {
            db.close();
            throw e;
        }
    }

    private static void pause(Duration pause) {
        try {
            Thread.sleep(pause.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StartFailure("Atelier was stopped while it waited for its database", e);
        }
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
            touch("started-at");
        } catch (RuntimeException e) {
            close();
            throw new StartFailure("Atelier cannot write to the database " + where + ": " + rootMessage(e), e);
        }
    }

    /** A write that changes nothing anyone reads, to prove writes can be made. */
    void touch(String name) {
        execute(h -> h.createUpdate("INSERT INTO platform_secret (name, value) VALUES (:name, '') ON CONFLICT (name) DO UPDATE SET value = excluded.value")
                .bind("name", name).execute());
    }

    /** Whether the database answers a read now. */
    public boolean answers() {
        try {
            return read(h -> h.createQuery("SELECT 1").mapTo(Integer.class).one()) == 1;
        } catch (RuntimeException e) {
            return false;
        }
    }

    /** The deepest cause's message, or its kind when it has none (a connection reset says nothing). */
    static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null) root = root.getCause();
        String message = root.getMessage();
        return message == null || message.isBlank() ? root.getClass().getName() : message;
    }

    /**
     * Reads on a read-only connection. While this thread {@link #shareReads shares reads}, they all use one
     * connection, taken at the first read: a page that shows several lists then takes one connection, not one each.
     * A read that loses its connection (the server restarted, a network blip) is tried once more on a fresh one.
     */
    public <T> T read(HandleCallback<T, RuntimeException> work) {
        try {
            return readOnce(work);
        } catch (RuntimeException e) {
            RuntimeException failure = translate(e);
            if (!(failure instanceof NotNow notNow && notNow.why() == NotNow.Why.AWAY)) throw failure;
            forgetSharedRead();
            try {
                return readOnce(work);
            } catch (RuntimeException again) {
                throw translate(again);
            }
        }
    }

    private <T> T readOnce(HandleCallback<T, RuntimeException> work) {
        if (!sharing.get()) return whenFree(() -> reader.withHandle(h -> bounded(h, work)));
        Handle handle = shared.get();
        if (handle == null) {
            handle = whenFree(reader::open);
            shared.set(handle);
        }
        return bounded(handle, work);
    }

    /** How long one write may wait for the writer, here and on other instances, before the request is told to come back. */
    public void boundWrites(Duration bound) {
        this.writeBound = bound;
        writerPool.getHikariConfigMXBean().setConnectionTimeout(bound.toMillis());
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
            if (cut.happened()) throw new NotNow(NotNow.Why.READ_TOO_SLOW, e);
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
                LOG.warn("a read past its bound could not be interrupted", e);
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
        forgetSharedRead();
    }

    private void forgetSharedRead() {
        Handle handle = shared.get();
        if (handle != null) {
            shared.remove();
            handle.close();
        }
    }

    /**
     * Runs a write transaction on the writer. A read connection this thread's request shares is given back first:
     * held while waiting for the writer, it would keep other requests from reading at all during a burst of writes.
     * The request's later reads take another, which sees the write. The wait for the writer is bounded by
     * {@link #boundWrites}: on SQLite by the pool and the busy timeout, on PostgreSQL by the pool and the lock timeout.
     */
    public <T> T write(HandleCallback<T, RuntimeException> work) {
        forgetSharedRead();
        try {
            return whenFree(() -> writer.withHandle(h -> {
                if (dialect == Dialect.SQLITE) busyTimeout(h);
                return h.inTransaction(t -> {
                    if (dialect == Dialect.POSTGRESQL) {
                        t.createQuery("SELECT set_config('lock_timeout', :wait, true)").bind("wait", writeBound.toMillis() + "ms").mapTo(String.class).one();
                        t.createQuery("SELECT pg_advisory_xact_lock(" + WRITE_LOCK + ")").mapTo(String.class).one();
                    }
                    return work.withHandle(t);
                });
            }));
        } catch (RuntimeException e) {
            throw translate(e);
        }
    }

    private void busyTimeout(Handle handle) {
        try {
            handle.getConnection().unwrap(SQLiteConnection.class).setBusyTimeout((int) writeBound.toMillis());
        } catch (SQLException e) {
            throw new IllegalStateException("the writer's busy timeout cannot be set", e);
        }
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

    /**
     * Takes a connection for the work. A request that finds none free within the pool's wait is told to come back;
     * any other thread (a start, a job) waits its turn however long it takes, as nobody is there to try again.
     */
    private <T> T whenFree(Supplier<T> work) {
        while (true) {
            try {
                return work.get();
            } catch (ConnectionException e) {
                var why = why(e);
                if (why == null) throw e;
                if (why != NotNow.Why.CROWDED || sharing.get() || Thread.currentThread().isInterrupted()) throw new NotNow(why, e);
            }
        }
    }

    /** The failure as the database's state explains it ({@link NotNow}), or as it is when it is the statement's own. */
    private static RuntimeException translate(RuntimeException e) {
        if (e instanceof NotNow) return e;
        var why = why(e);
        return why == null ? e : new NotNow(why, e);
    }

    /** What a failure says of the database's state, or null when it says nothing of it (the statement's own fault). */
    static NotNow.Why why(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof NotNow notNow) return notNow.why();
            if (cause instanceof SQLTransientConnectionException && cause.getCause() == null) return NotNow.Why.CROWDED;
            if (cause instanceof SocketException || cause instanceof EOFException) return NotNow.Why.AWAY;
            if (cause instanceof SQLiteException sqlite) return sqliteWhy(sqlite.getResultCode().name());
            if (cause instanceof SQLException sql && sql.getSQLState() != null) {
                var why = serverWhy(sql.getSQLState());
                if (why != null) return why;
            }
        }
        return null;
    }

    private static NotNow.Why sqliteWhy(String code) {
        if (code.startsWith("SQLITE_BUSY")) return NotNow.Why.WRITE_WAITED;
        if (code.startsWith("SQLITE_FULL") || code.startsWith("SQLITE_READONLY") || code.startsWith("SQLITE_IOERR")) return NotNow.Why.CANNOT_SAVE;
        return null;
    }

    /** PostgreSQL's codes: 08 connection, 57P0 shutting down or starting, 55P03 lock timeout, 53100 disk full, 25006 read-only. */
    private static NotNow.Why serverWhy(String state) {
        if (state.startsWith("08") || state.startsWith("57P0")) return NotNow.Why.AWAY;
        if (state.equals("55P03")) return NotNow.Why.WRITE_WAITED;
        if (state.equals("53100") || state.equals("25006")) return NotNow.Why.CANNOT_SAVE;
        return null;
    }

    /**
     * The database cannot do this now, and waiting helps. A write that meets it saved nothing, unless the database
     * went away at the very moment of its commit; what was saved before is never lost. The web layer says which to
     * the person.
     */
    public static final class NotNow extends RuntimeException {
        public enum Why {
            /** Every connection is in use by other requests. */
            CROWDED,
            /** The database server cannot be reached. */
            AWAY,
            /** A read ran past its bound and was stopped. */
            READ_TOO_SLOW,
            /** A write waited for the writer past its bound. */
            WRITE_WAITED,
            /** The disk is full or the database has become read-only. */
            CANNOT_SAVE
        }

        private final Why why;

        NotNow(Why why, Throwable cause) {
            super(why + ": " + rootMessage(cause), cause);
            this.why = why;
        }

        public Why why() {
            return why;
        }
    }

    @Override
    public void close() {
        readerPool.close();
        // The writer closes last: SQLite folds the write-ahead log into the file when its last connection closes.
        writerPool.close();
        if (file != null) InUse.release(file);
    }

    private static Jdbi configure(Jdbi jdbi, Dialect dialect) {
        jdbi.installPlugin(new SqlObjectPlugin());
        AttachOnCall.install(jdbi);
        if (dialect == Dialect.SQLITE) jdbi.setStatementBuilderFactory(new PreparedOnce());
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
        config.setConnectionTimeout(readOnly ? READ_WAIT_MILLIS : WRITE_WAIT.toMillis());
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
            return (position, statement, ctx) -> statement.setString(position, dialect.match(value.words(), value.all(), value.prefix()));
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
