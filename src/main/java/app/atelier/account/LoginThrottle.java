package app.atelier.account;

import app.atelier.web.HttpProblem;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.jdbi.v3.core.Handle;

/**
 * Slows down guessing: after {@value #FREE_FAILURES} failures for one account or one address, each
 * further try must wait twice as long as the last, up to a quarter of an hour. A success clears the
 * account's count; the address's count fades with the wait.
 */
final class LoginThrottle {
    static final int FREE_FAILURES = 5;
    private static final Duration LONGEST_WAIT = Duration.ofMinutes(15);

    private final Clock clock;

    LoginThrottle(Clock clock) {
        this.clock = clock;
    }

    /** Refuses the attempt while either key must still wait. */
    void check(Handle h, String... keys) {
        Instant now = clock.instant();
        for (String key : keys) {
            h.createQuery("SELECT failures, last_failure_at FROM login_failure WHERE throttle_key = :key")
                    .bind("key", key)
                    .map((rs, ctx) -> Instant.ofEpochMilli(rs.getLong(2)).plus(wait(rs.getInt(1))))
                    .findOne()
                    .filter(until -> until.isAfter(now))
                    .ifPresent(until -> {
                        throw new HttpProblem.TooManyRequests(Math.max(1, Duration.between(now, until).toSeconds()));
                    });
        }
    }

    void failed(Handle h, String... keys) {
        for (String key : keys) {
            h.createUpdate("""
                    INSERT INTO login_failure (throttle_key, failures, last_failure_at) VALUES (:key, 1, :now)
                    ON CONFLICT (throttle_key) DO UPDATE SET failures = failures + 1, last_failure_at = :now""")
                    .bind("key", key).bind("now", clock.instant()).execute();
        }
    }

    void succeeded(Handle h, String key) {
        h.createUpdate("DELETE FROM login_failure WHERE throttle_key = :key").bind("key", key).execute();
    }

    static Duration wait(int failures) {
        if (failures < FREE_FAILURES) return Duration.ZERO;
        int doublings = Math.min(failures - FREE_FAILURES, 20);
        Duration wait = Duration.ofSeconds(1L << doublings);
        return wait.compareTo(LONGEST_WAIT) > 0 ? LONGEST_WAIT : wait;
    }
}
