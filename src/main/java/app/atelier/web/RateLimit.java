package app.atelier.web;

import java.time.Duration;
import java.time.Instant;
import org.jdbi.v3.core.Handle;

/**
 * At most {@code max} actions per key in a fixed window, counted in the database inside the action's own
 * write transaction; one more is refused with a clear message and the time to wait.
 */
public record RateLimit(String name, int max, Duration window) {

    public static RateLimit signUps(int perHour) {
        return new RateLimit("signup", perHour, Duration.ofHours(1));
    }

    public static RateLimit posts(int perTenMinutes) {
        return new RateLimit("post", perTenMinutes, Duration.ofMinutes(10));
    }

    public void take(Handle h, String who, Instant now) {
        String key = name + ":" + who;
        var windows = h.attach(RateWindowDao.class);
        var current = windows.find(key);
        boolean fresh = current.isEmpty() || current.get().windowStart().plus(window).isBefore(now);
        if (!fresh && current.get().hits() >= max) {
            long wait = Duration.between(now, current.get().windowStart().plus(window)).toSeconds();
            throw new HttpProblem.TooManyRequests(Math.max(1, wait));
        }
        windows.hit(key, now, fresh);
    }
}
