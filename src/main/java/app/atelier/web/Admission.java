package app.atelier.web;

import io.javalin.http.Context;
import java.util.concurrent.Semaphore;

/**
 * Sheds load: at most so many requests are served at once, and one more is told at once to come back (503 with
 * Retry-After) instead of waiting in a queue of threads that would slow every page down.
 */
public final class Admission {
    private static final String ADMITTED = "atelier.admitted";
    private final Semaphore places;

    public Admission(int places) {
        this.places = new Semaphore(places);
    }

    /** The first thing a request meets. */
    public void enter(Context ctx) {
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
}
