package app.atelier.account;

import app.atelier.Config;
import app.atelier.web.HttpProblem;
import app.atelier.web.Tokens;
import com.password4j.Argon2Function;
import com.password4j.Password;
import com.password4j.types.Argon2;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Argon2id, by default at OWASP's current minimum: 19 MiB of memory, 2 passes, 1 lane ({@link Config.Hashing}).
 * Each hash holds its memory for about 0.2 s, so only {@value #AT_ONCE} run at once (about 80 MiB); a request that
 * finds no place within a moment is turned away with a quick 503 rather than exhausting the memory. A hash
 * carries its own parameters, so one made at another cost is still checked right.
 */
final class Passwords {
    static final int MIN_LENGTH = 12;
    static final int MAX_LENGTH = 128;
    static final int AT_ONCE = 4;
    private static final long WAIT_FOR_A_PLACE_MILLIS = 2_000;
    private static final Semaphore PLACES = new Semaphore(AT_ONCE, true);

    private final Argon2Function argon2id;
    /** A hash of a random secret, checked for an email with no account; made at the first such sign-in, not at start. */
    private volatile String unmatchable;

    Passwords(Config.Hashing cost) {
        this.argon2id = Argon2Function.getInstance(cost.memoryKib(), cost.passes(), 1, 32, Argon2.ID);
    }

    String hash(String password) {
        return bounded(() -> Password.hash(password).addRandomSalt(16).with(argon2id).getResult());
    }

    static boolean matches(String password, String hash) {
        return bounded(() -> Password.check(password, hash).with(Argon2Function.getInstanceFromHash(hash)));
    }

    /** Takes the time a real check takes, for an email with no account: how long sign-in takes says nothing. */
    void matchNothing(String password) {
        if (unmatchable == null) unmatchable = hash(Tokens.random());
        matches(password, unmatchable);
    }

    private static <T> T bounded(Supplier<T> work) {
        try {
            if (!PLACES.tryAcquire(WAIT_FOR_A_PLACE_MILLIS, TimeUnit.MILLISECONDS)) throw new HttpProblem.Unavailable("error.busy", 2);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new HttpProblem.Unavailable("error.busy", 2);
        }
        try {
            return work.get();
        } finally {
            PLACES.release();
        }
    }
}
