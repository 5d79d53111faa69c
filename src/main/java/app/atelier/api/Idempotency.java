package app.atelier.api;

import app.atelier.account.AccountRoutes;
import app.atelier.db.Database;
import app.atelier.web.HttpProblem;
import app.atelier.web.Invalid;
import app.atelier.web.Tokens;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import java.time.Clock;
import java.time.Duration;
import java.util.regex.Pattern;

/**
 * A POST sent again with the same {@code Idempotency-Key} gets the answer the first one got, without acting twice;
 * the same key with another request is refused (422), and while the first is answered, a second waits its turn (409).
 * Keys are the token's own and kept a day. A request refused or failed lets go of its key, so it can be sent again.
 */
public final class Idempotency {
    public static final String HEADER = "Idempotency-Key";
    static final Duration KEPT = Duration.ofDays(1);
    private static final Pattern KEY = Pattern.compile("[\\x21-\\x7e]{1,255}");

    private final Database db;
    private final Clock clock;

    public Idempotency(Database db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    public void around(Context ctx, Handler handler) throws Exception {
        String key = ctx.header(HEADER);
        var caller = AccountRoutes.caller(ctx);
        if (key == null || caller.isEmpty()) {
            handler.handle(ctx);
            return;
        }
        if (!KEY.matcher(key).matches()) throw Invalid.of(HEADER, "api.idempotencyKey");
        long token = caller.get().token().id();
        String fingerprint = Tokens.hash(ctx.method() + " " + ctx.path() + "\n" + ctx.body());
        var kept = db.write(h -> {
            var keys = h.attach(IdempotencyDao.class);
            return keys.claim(token, key, fingerprint, clock.instant()) == 1 ? null : keys.find(token, key).orElseThrow();
        });
        if (kept != null) {
            replay(ctx, kept, fingerprint);
            return;
        }
        try {
            handler.handle(ctx);
        } catch (Exception | Error refused) {
            db.execute(h -> h.attach(IdempotencyDao.class).release(token, key));
            throw refused;
        }
        db.execute(h -> h.attach(IdempotencyDao.class).answer(token, key, ctx.status().getCode(), ctx.result()));
    }

    private static void replay(Context ctx, IdempotencyDao.Kept kept, String fingerprint) {
        if (!kept.fingerprint().equals(fingerprint)) throw Invalid.of(HEADER, "api.idempotencyReused");
        if (kept.status() == null) throw new HttpProblem.Conflict("api.idempotencyInProgress");
        ctx.header("Idempotent-Replayed", "true");
        ApiJson.write(ctx, kept.status(), kept.body());
    }

    /** Forgets the keys older than a day. */
    public int forget() {
        return db.write(h -> h.attach(IdempotencyDao.class).forget(clock.instant().minus(KEPT)));
    }
}
