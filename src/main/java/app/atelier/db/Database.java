package app.atelier.db;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Types;
import java.time.Instant;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.HandleCallback;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.argument.AbstractArgumentFactory;
import org.jdbi.v3.core.argument.Argument;
import org.jdbi.v3.core.config.ConfigRegistry;
import org.jdbi.v3.sqlobject.SqlObjectPlugin;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;

/**
 * The SQLite database: one writer connection whose transactions begin IMMEDIATE, and a pool of
 * read-only connections. A deferred read-then-write transaction fails with SQLITE_BUSY whatever the
 * busy timeout, so every write goes through {@link #write}.
 */
public final class Database implements AutoCloseable {
    private static final int READERS = 8;

    private final HikariDataSource writerPool;
    private final HikariDataSource readerPool;
    private final Jdbi writer;
    private final Jdbi reader;

    private Database(HikariDataSource writerPool, HikariDataSource readerPool) {
        this.writerPool = writerPool;
        this.readerPool = readerPool;
        this.writer = configure(Jdbi.create(writerPool));
        this.reader = configure(Jdbi.create(readerPool));
    }

    /** Creates the file if need be, applies pending migrations, then opens the pools. */
    public static Database open(String url) {
        createParentFolder(url);
        Flyway.configure().dataSource(sqlite(url, false)).locations("classpath:db/migration").load().migrate();
        return new Database(pool(url, false, 1), pool(url, true, READERS));
    }

    public <T> T read(HandleCallback<T, RuntimeException> work) {
        return reader.withHandle(work);
    }

    public <T> T write(HandleCallback<T, RuntimeException> work) {
        return writer.inTransaction(work);
    }

    public void execute(java.util.function.Consumer<Handle> work) {
        writer.useTransaction(work::accept);
    }

    @Override
    public void close() {
        readerPool.close();
        writerPool.close();
    }

    private static Jdbi configure(Jdbi jdbi) {
        jdbi.installPlugin(new SqlObjectPlugin());
        jdbi.registerArgument(new InstantArgument());
        jdbi.registerColumnMapper(Instant.class, (rs, column, ctx) -> {
            long millis = rs.getLong(column);
            return rs.wasNull() ? null : Instant.ofEpochMilli(millis);
        });
        return jdbi;
    }

    private static HikariDataSource pool(String url, boolean readOnly, int size) {
        var config = new HikariConfig();
        config.setDataSource(sqlite(url, readOnly));
        config.setMaximumPoolSize(size);
        config.setReadOnly(readOnly);
        config.setMinimumIdle(1);
        config.setConnectionTimeout(10_000);
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

    private static void createParentFolder(String url) {
        String file = url.replaceFirst("^jdbc:sqlite:", "").replaceFirst("\\?.*$", "");
        Path parent = Path.of(file).toAbsolutePath().getParent();
        try {
            Files.createDirectories(parent);
        } catch (java.io.IOException e) {
            throw new IllegalStateException("Cannot create the database folder " + parent, e);
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
