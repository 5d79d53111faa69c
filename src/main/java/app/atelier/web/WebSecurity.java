package app.atelier.web;

import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import java.util.Locale;
import java.util.regex.Pattern;

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

    /** The forms that carry files: a contribution, new or edited, whose design has images. */
    private static final Pattern MULTIPART = Pattern.compile("/challenges/\\d+/contributions|/contributions/\\d+|/organisations/\\d+|/organisations/\\d+/challenges|/challenges/\\d+|/challenges/\\d+/technology");

    /**
     * Refuses a POST whose form token is missing or is not the session's. Every form here posts URL-encoded
     * UTF-8, but for those that carry files, which post multipart: any other body (multipart elsewhere, an unknown
     * charset) is a 400 before anyone tries to read it.
     */
    public static void checkCsrf(Context ctx) {
        if (ctx.method() != HandlerType.POST) return;
        String given = readableForm(ctx).formParam("csrf");
        if (!Tokens.same(Current.state(ctx).csrfToken(), given)) throw new HttpProblem.Forbidden("error.csrf");
    }

    private static Context readableForm(Context ctx) {
        String type = ctx.header("Content-Type");
        if (type == null) throw new HttpProblem.BadRequest();
        String[] parts = type.toLowerCase(Locale.ROOT).split(";");
        String media = parts[0].strip();
        boolean multipart = media.equals("multipart/form-data") && MULTIPART.matcher(ctx.path()).matches();
        if (!media.equals("application/x-www-form-urlencoded") && !multipart) throw new HttpProblem.BadRequest();
        for (int i = 1; i < parts.length; i++) {
            String parameter = parts[i].strip();
            if (parameter.startsWith("charset=") && !parameter.substring(8).replace("\"", "").strip().equals("utf-8")) {
                throw new HttpProblem.BadRequest();
            }
        }
        try {
            ctx.formParamMap();
        } catch (RuntimeException unreadable) {
            throw new HttpProblem.BadRequest();
        }
        return ctx;
    }
}
