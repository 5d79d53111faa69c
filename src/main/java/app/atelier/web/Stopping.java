package app.atelier.web;

import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A normal stop, in order: no request is taken any more and those in flight finish ({@link Admission#drain}), the
 * jobs finish the one they are running, then the database closes (which folds SQLite's write-ahead log into its
 * file). Each wait is bounded, so that a stop ends within the ten seconds a container is given.
 */
public final class Stopping {
    private static final Logger LOG = LoggerFactory.getLogger(Stopping.class);
    public static final Duration REQUESTS_WITHIN = Duration.ofSeconds(5);
    static final Duration JOBS_WITHIN = Duration.ofSeconds(4);

    private Stopping() {
    }

    /** Lets the running job end (none starts after this), interrupting it only past the bound. */
    public static void finishJobs(ExecutorService jobs) {
        jobs.shutdown();
        try {
            if (!jobs.awaitTermination(JOBS_WITHIN.toMillis(), TimeUnit.MILLISECONDS)) {
                LOG.warn("a job was still running {} s after the stop began; it is interrupted", JOBS_WITHIN.toSeconds());
                jobs.shutdownNow();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            jobs.shutdownNow();
        }
    }
}
