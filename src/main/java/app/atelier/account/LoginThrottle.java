package app.atelier.account;

import app.atelier.db.Like;
import app.atelier.web.HttpProblem;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.jdbi.v3.core.Handle;

/**
 * Slows down guessing without letting anyone lock a member out. Failures are counted per account and address
 * together (the one that guesses from one place), with looser ceilings per account (guesses from many places) and
 * per address (an office or a school shares one). Past a key's free failures, each further try must wait twice as
 * long as the last, up to a quarter of an hour; a locked account is offered the reset link, which does not wait.
 *
 * <p>Checking and counting are one step, inside one write transaction: an attempt is counted as a failure before
 * its password is checked, and given back when it proves right, so that attempts made at once all count.
 */
final class LoginThrottle {
    static final int PAIR_FREE_FAILURES = 5;
    static final int ACCOUNT_FREE_FAILURES = 50;
    static final int ADDRESS_FREE_FAILURES = 50;
    private static final Duration LONGEST_WAIT = Duration.ofMinutes(15);

    private record Key(String name, int freeFailures) {
    }

    private final Clock clock;

    LoginThrottle(Clock clock) {
        this.clock = clock;
    }

    /** Refuses the attempt while any of its keys must wait; otherwise counts it, until {@link #succeeded}. */
    void attempt(Handle h, String emailKey, String address) {
        Instant now = clock.instant();
        var keys = keys(emailKey, address);
        var failures = h.attach(LoginFailureDao.class);
        for (var key : keys) {
            failures.find(key.name())
                    .map(f -> f.lastFailureAt().plus(wait(f.failures(), key.freeFailures())))
                    .filter(until -> until.isAfter(now))
                    .ifPresent(until -> {
                        throw new HttpProblem.TooManyRequests(Math.max(1, Duration.between(now, until).toSeconds()),
                                "error.loginLocked", "/password/forgot");
                    });
        }
        for (var key : keys) failures.count(key.name(), now);
    }

    /** The right password: the pair starts afresh, and the attempt counted in advance is given back to the others. */
    void succeeded(Handle h, String emailKey, String address) {
        var keys = keys(emailKey, address);
        var failures = h.attach(LoginFailureDao.class);
        failures.clear(keys.get(0).name());
        for (var key : keys.subList(1, keys.size())) failures.giveBack(key.name());
    }

    /** A password reset proves the owner: every count against the account is forgotten. */
    void forgive(Handle h, String emailKey) {
        h.attach(LoginFailureDao.class).clearAccount("account:" + emailKey,
                "pair:" + Like.literal(emailKey) + "|%");
    }

    private static List<Key> keys(String emailKey, String address) {
        return List.of(new Key("pair:" + emailKey + "|" + address, PAIR_FREE_FAILURES),
                new Key("account:" + emailKey, ACCOUNT_FREE_FAILURES),
                new Key("address:" + address, ADDRESS_FREE_FAILURES));
    }

    static Duration wait(int failures, int freeFailures) {
        if (failures < freeFailures) return Duration.ZERO;
        int doublings = Math.min(failures - freeFailures, 20);
        Duration wait = Duration.ofSeconds(1L << doublings);
        return wait.compareTo(LONGEST_WAIT) > 0 ? LONGEST_WAIT : wait;
    }
}
