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
        var current = h.createQuery("SELECT window_start, hits FROM rate_window WHERE limit_key = :key").bind("key", key)
                .map((rs, ctx) -> new long[] {rs.getLong(1), rs.getLong(2)}).findOne();
        boolean fresh = current.isEmpty() || Instant.ofEpochMilli(current.get()[0]).plus(window).isBefore(now);
        if (!fresh && current.get()[1] >= max) {
            long wait = Duration.between(now, Instant.ofEpochMilli(current.get()[0]).plus(window)).toSeconds();
            throw new HttpProblem.TooManyRequests(Math.max(1, wait));
        }
        h.createUpdate("""
                INSERT INTO rate_window (limit_key, window_start, hits) VALUES (:key, :now, 1)
                ON CONFLICT (limit_key) DO UPDATE SET
                    window_start = CASE WHEN :fresh THEN :now ELSE window_start END,
                    hits = CASE WHEN :fresh THEN 1 ELSE hits + 1 END""")
                .bind("key", key).bind("now", now).bind("fresh", fresh).execute();
    }
}
