package app.atelier.web;

import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.handler.GracefulHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A normal stop, in order: the server stops taking requests and finishes those in flight, the jobs finish the one
 * they are running, then the database closes (which folds SQLite's write-ahead log into its file). Each wait is
 * bounded, so that a stop ends within the ten seconds a container is given.
 */
public final class Stopping {
    private static final Logger LOG = LoggerFactory.getLogger(Stopping.class);
    static final Duration REQUESTS_WITHIN = Duration.ofSeconds(5);
    static final Duration JOBS_WITHIN = Duration.ofSeconds(4);

    private Stopping() {
    }

    public static void finishRequestsInFlight(Server server) {
        server.setHandler(new GracefulHandler());
        server.setStopTimeout(REQUESTS_WITHIN.toMillis());
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
