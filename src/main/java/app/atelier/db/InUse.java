package app.atelier.db;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HashMap;
import java.util.Map;

/**
 * Says that a SQLite file is open in a running instance: each process that has it open holds a shared lock on a file
 * of its own beside it ({@code .running}), which the operating system lets go when the process ends, however it
 * ends. A restore takes that lock exclusively, so it tells a running database from a stopped one whatever other
 * files lie beside it. The file serves nothing else: closing any channel to a file lets go of every lock the process
 * holds on it. Java lets one process hold one lock on a region, so the instances of one process share theirs.
 */
final class InUse {
    private static final Map<Path, Held> HELD = new HashMap<>();

    private record Held(FileChannel channel, FileLock lock, int instances) {
    }

    private InUse() {
    }

    /** The lock file beside a database that orders starts. */
    static Path lockFile(Path database) {
        return database.resolveSibling(database.getFileName() + ".lock");
    }

    private static Path runningFile(Path database) {
        return database.resolveSibling(database.getFileName() + ".running");
    }

    /** Marks the database as open here until {@link #release}. */
    static synchronized void hold(Path database) throws IOException {
        Path key = database.toAbsolutePath().normalize();
        Held held = HELD.get(key);
        if (held != null) {
            HELD.put(key, new Held(held.channel, held.lock, held.instances + 1));
            return;
        }
        var channel = FileChannel.open(runningFile(database), StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
        HELD.put(key, new Held(channel, channel.lock(0, Long.MAX_VALUE, true), 1));
    }

    static synchronized void release(Path database) {
        Path key = database.toAbsolutePath().normalize();
        Held held = HELD.remove(key);
        if (held == null) return;
        if (held.instances > 1) {
            HELD.put(key, new Held(held.channel, held.lock, held.instances - 1));
            return;
        }
        try {
            held.channel.close();
        } catch (IOException e) {
            // closing the channel lets the lock go; nothing more to do if it complains
        }
    }

    /** Work on the files of a database that must not be open anywhere: a restore. */
    interface WhileStopped {
        void run() throws IOException;
    }

    /**
     * Runs the work holding the running lock exclusively, so that no instance starts meanwhile; refuses when an
     * instance, in this process or another, has the database open.
     */
    static synchronized void whileStopped(Path database, WhileStopped work) throws IOException {
        if (HELD.containsKey(database.toAbsolutePath().normalize())) throw new IllegalStateException(inUse(database));
        try (var channel = FileChannel.open(runningFile(database), StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            FileLock lock = channel.tryLock();
            if (lock == null) throw new IllegalStateException(inUse(database));
            work.run();
        } catch (OverlappingFileLockException e) {
            throw new IllegalStateException(inUse(database), e);
        }
    }

    private static String inUse(Path database) {
        return "Stop Atelier before restoring: " + database + " is open in a running instance";
    }
}
