package app.atelier.db;

import io.javalin.http.Context;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What {@code /health} says: whether the database answers a read and takes a write, and how much room is left on the
 * disk. A balancer drops an instance that fails it, so it fails only when the instance truly cannot serve: the
 * database does not answer, a write cannot be made, or the free space is below the threshold the operator set. Low
 * space short of that is said, and warned of in the log, while the instance stays in service.
 */
public final class Health {
    private static final Logger LOG = LoggerFactory.getLogger(Health.class);
    /** A write is tried at most this often, whatever the rate of checks; the answer in between is the last one. */
    private static final Duration WRITE_EVERY = Duration.ofSeconds(10);
    private static final Duration WARN_EVERY = Duration.ofMinutes(10);
    private static final long MB = 1024 * 1024;

    private final Database db;
    private final Path folder;
    private final long warnBelowMb;
    private final long failBelowMb;
    private long lastWrite;
    private boolean writes;
    private long lastWarning;

    public Health(Database db, Path folder, long warnBelowMb, long failBelowMb) {
        this.db = db;
        this.folder = folder;
        this.warnBelowMb = warnBelowMb;
        this.failBelowMb = failBelowMb;
        this.lastWrite = System.nanoTime() - WRITE_EVERY.toNanos();
    }

    public void answer(Context ctx) {
        boolean answers = db.answers();
        boolean writes = answers && writes();
        long freeMb = freeMb();
        boolean room = freeMb < 0 || freeMb >= failBelowMb;
        if (freeMb >= 0 && freeMb < warnBelowMb) warn(freeMb);
        boolean ok = answers && writes && room;
        ctx.status(ok ? 200 : 503).contentType("text/plain; charset=utf-8").header("Cache-Control", "no-store")
                .result((ok ? "ok" : "unhealthy")
                        + "\ndatabase: " + (!answers ? "not answering" : writes ? "ok" : "cannot save")
                        + "\ndisk: " + (freeMb < 0 ? "unknown" : freeMb + " MB free" + (!room ? ", below " + failBelowMb + " MB" : freeMb < warnBelowMb ? ", low" : ""))
                        + "\n");
    }

    /** Whether a small write succeeds, tried again once {@link #WRITE_EVERY} has passed since the last try. */
    private synchronized boolean writes() {
        long now = System.nanoTime();
        if (now - lastWrite < WRITE_EVERY.toNanos()) return writes;
        lastWrite = now;
        try {
            db.touch("health-at");
            writes = true;
        } catch (RuntimeException e) {
            LOG.warn("the health check's write failed: {}", Database.rootMessage(e));
            writes = false;
        }
        return writes;
    }

    private long freeMb() {
        try {
            return Files.getFileStore(folder.toAbsolutePath()).getUsableSpace() / MB;
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    private synchronized void warn(long freeMb) {
        long now = System.nanoTime();
        if (lastWarning != 0 && now - lastWarning < WARN_EVERY.toNanos()) return;
        lastWarning = now;
        LOG.warn("only {} MB free where Atelier keeps its data ({}); it warns below {} MB", freeMb, folder.toAbsolutePath(), warnBelowMb);
    }
}
