package app.atelier.web;

import io.javalin.http.Context;
import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * Sheds load: at most so many requests are served at once, and one more is told at once to come back (503 with
 * Retry-After) instead of waiting in a queue of threads that would slow every page down.
 */
public final class Admission {
    private static final String ADMITTED = "atelier.admitted";
    private final int all;
    private final Semaphore places;
    private volatile boolean stopping;

    public Admission(int places) {
        this.all = places;
        this.places = new Semaphore(places);
    }

    /** The first thing a request meets. */
    public void enter(Context ctx) {
        if (stopping) throw new HttpProblem.Unavailable("error.restarting", 2);
        if (!places.tryAcquire()) throw new HttpProblem.Unavailable("error.crowded", 1);
        ctx.attribute(ADMITTED, Boolean.TRUE);
    }

    /** The last thing a request meets, whatever happened to it; only an admitted one gives its place back. */
    public void leave(Context ctx) {
        if (Boolean.TRUE.equals(ctx.attribute(ADMITTED))) {
            ctx.attribute(ADMITTED, Boolean.FALSE);
            places.release();
        }
    }

    /**
     * A stop: takes no more requests (a balancer sends them elsewhere on the 503) and waits, up to the bound, for
     * those in flight to end, so that none is cut half-way.
     */
    public void drain(Duration within) {
        stopping = true;
        try {
            if (places.tryAcquire(all, within.toMillis(), TimeUnit.MILLISECONDS)) places.release(all);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
