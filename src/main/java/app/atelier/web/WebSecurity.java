package app.atelier.web;

import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/** Security headers on every response, and the CSRF check on every form that changes anything. */
public final class WebSecurity {
    static final String CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
            + "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

    private WebSecurity() {
    }

    public static void headers(Context ctx) {
        ctx.header("Content-Security-Policy", CSP);
        ctx.header("X-Content-Type-Options", "nosniff");
        ctx.header("X-Frame-Options", "DENY");
        ctx.header("Referrer-Policy", "same-origin");
        ctx.header("Permissions-Policy", "camera=(), microphone=(), geolocation=()");
        ctx.header("Cross-Origin-Opener-Policy", "same-origin");
    }

    /** Refuses a POST whose form token is missing or is not the session's. */
    public static void checkCsrf(Context ctx) {
        if (ctx.method() != HandlerType.POST) return;
        String expected = Current.state(ctx).csrfToken();
        String given = ctx.formParam("csrf");
        if (expected == null || given == null
                || !MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8), given.getBytes(StandardCharsets.UTF_8))) {
            throw new HttpProblem.Forbidden("error.csrf");
        }
    }
}
