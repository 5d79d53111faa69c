package app.atelier.db;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.stream.Stream;

/**
 * Copies of the SQLite database taken while the app serves. {@code VACUUM INTO} reads the database in one
 * transaction, so the copy holds every write committed before it began and nothing half-written, and in WAL mode
 * that read holds no writer back. Copies are named by their time in a folder of their own; the newest few are kept.
 */
public final class Backups {
    private static final DateTimeFormatter NAME = DateTimeFormatter.ofPattern("'atelier-'yyyyMMdd-HHmmss'.db'").withZone(ZoneOffset.UTC);
    private final Path database;
    private final Path folder;

    public Backups(Path database, Path folder) {
        this.database = database;
        this.folder = folder;
    }

    /** A copy made: its file, how long it took and how large it is. */
    public record Copy(Path file, Duration took, long bytes) {
    }

    /** Takes a copy now, then removes all but the newest {@code keep}. */
    public Copy take(Instant now, int keep) {
        if (keep < 1) throw new IllegalArgumentException("keep at least one copy");
        try {
            Files.createDirectories(folder);
            Path copy = folder.resolve(NAME.format(now));
            Path partial = copy.resolveSibling(copy.getFileName() + ".partial");
            Files.deleteIfExists(partial);
            long start = System.nanoTime();
            try (var connection = DriverManager.getConnection("jdbc:sqlite:" + database);
                 var vacuum = connection.prepareStatement("VACUUM INTO ?")) {
                vacuum.setString(1, partial.toString());
                vacuum.execute();
            }
            Files.move(partial, copy, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            var taken = new Copy(copy, Duration.ofNanos(System.nanoTime() - start), Files.size(copy));
            List<Path> all = copies();
            for (Path old : all.subList(Math.min(keep, all.size()), all.size())) Files.delete(old);
            return taken;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (SQLException e) {
            throw new IllegalStateException("the copy of " + database + " failed: " + e.getMessage(), e);
        }
    }

    /** The copies kept, the newest first. */
    public List<Path> copies() throws IOException {
        if (!Files.isDirectory(folder)) return List.of();
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(f -> f.getFileName().toString().matches("atelier-\\d{8}-\\d{6}\\.db")).sorted((a, b) -> b.compareTo(a)).toList();
        }
    }

    /**
     * Puts a copy back in place of the database once it passes SQLite's integrity check. Atelier must be stopped,
     * which the lock every running instance holds tells; the journal files beside the database belong to the
     * database being replaced and go with it.
     */
    public void restore(Path copy) {
        if (!intact(copy)) throw new IllegalStateException(copy + " is not a sound copy of the database");
        try {
            InUse.whileStopped(database, () -> {
                Path restoring = database.resolveSibling(database.getFileName() + ".restoring");
                Files.copy(copy, restoring, StandardCopyOption.REPLACE_EXISTING);
                Files.deleteIfExists(database.resolveSibling(database.getFileName() + "-wal"));
                Files.deleteIfExists(database.resolveSibling(database.getFileName() + "-shm"));
                Files.move(restoring, database, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Whether a database file opens and passes {@code PRAGMA integrity_check}. */
    public static boolean intact(Path file) {
        if (!Files.isRegularFile(file)) return false;
        try (var connection = DriverManager.getConnection("jdbc:sqlite:file:" + file + "?mode=ro");
             var statement = connection.createStatement();
             var check = statement.executeQuery("PRAGMA integrity_check")) {
            return check.next() && "ok".equals(check.getString(1));
        } catch (SQLException e) {
            return false;
        }
    }
}
