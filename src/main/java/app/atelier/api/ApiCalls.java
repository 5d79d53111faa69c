package app.atelier.api;

import app.atelier.account.AccountRoutes;
import app.atelier.account.ApiToken;
import app.atelier.web.HttpProblem;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What every call to the API passes before its route: a token that may only read cannot write, and each token has
 * {@link #PER_WINDOW} calls a minute, said in the {@code RateLimit} headers of the IETF's draft on every answer,
 * one more refused with a 429 and Retry-After. The count is kept in this instance's memory: several instances each
 * allow as much, which the operator sizes for.
 */
public final class ApiCalls {
    public static final int PER_WINDOW = 120;
    static final Duration WINDOW = Duration.ofMinutes(1);

    private record Window(Instant start, int calls) {
    }

    private final Map<Long, Window> windows = new ConcurrentHashMap<>();
    private final Clock clock;

    public ApiCalls(Clock clock) {
        this.clock = clock;
    }

    public void check(Context ctx) {
        var caller = AccountRoutes.caller(ctx);
        if (caller.isEmpty()) return;
        var token = caller.get().token();
        count(ctx, token.id());
        boolean reads = ctx.method().equals(HandlerType.GET) || ctx.method().equals(HandlerType.HEAD);
        if (!reads && token.scope() != ApiToken.Scope.WRITE) {
            throw new HttpProblem.Forbidden("api.readOnly");
        }
    }

    private void count(Context ctx, long tokenId) {
        var now = clock.instant();
        var window = windows.compute(tokenId, (id, w) -> w == null || !now.isBefore(w.start().plus(WINDOW)) ? new Window(now, 1) : new Window(w.start(), w.calls() + 1));
        long reset = Math.max(1, Duration.between(now, window.start().plus(WINDOW)).toSeconds());
        ctx.header("RateLimit-Policy", "\"token\";q=" + PER_WINDOW + ";w=" + WINDOW.toSeconds());
        ctx.header("RateLimit", "\"token\";r=" + Math.max(0, PER_WINDOW - window.calls()) + ";t=" + reset);
        if (window.calls() > PER_WINDOW) throw new HttpProblem.TooManyRequests(reset);
    }
}
