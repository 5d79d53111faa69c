package app.atelier.web;

import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.javalin.http.HandlerType;
import io.javalin.http.HttpResponseException;
import java.util.Locale;
import java.util.regex.Pattern;
import org.eclipse.jetty.http.HttpException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Security headers on every response, and the CSRF check on every form that changes anything. */
public final class WebSecurity {
    private static final Logger LOG = LoggerFactory.getLogger(WebSecurity.class);
    static final String CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
            + "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

    private WebSecurity() {
    }

    /** The headers every response carries; behind an https address, browsers are also told to come back only over https. */
    public static Handler headers(boolean https) {
        return ctx -> {
            headers(ctx);
            if (https) ctx.header("Strict-Transport-Security", "max-age=31536000");
        };
    }

    /** A page made for a signed-in member is theirs alone: no cache, shared or their browser's, keeps a copy. */
    public static void personal(Context ctx) {
        if (Current.viewer(ctx).signedIn()) ctx.header("Cache-Control", "no-store");
    }

    private static void headers(Context ctx) {
        ctx.header("Content-Security-Policy", CSP);
        ctx.header("X-Content-Type-Options", "nosniff");
        ctx.header("X-Frame-Options", "DENY");
        ctx.header("Referrer-Policy", "same-origin");
        ctx.header("Permissions-Policy", "camera=(), microphone=(), geolocation=()");
        ctx.header("Cross-Origin-Opener-Policy", "same-origin");
    }

    /** The most a form with its files may weigh, said before its body is read. */
    public static final int MAX_FORM_MB = 48;

    /** Where the API answers: in JSON, to a bearer token, never to the session's cookie. */
    public static final String API = "/api/";

    public static boolean api(Context ctx) {
        return ctx.path().startsWith(API);
    }

    /** The forms that carry files: a contribution, new or edited, whose design has images; a bank statement. */
    private static final Pattern MULTIPART = Pattern.compile("/challenges/\\d+/contributions|/contributions/\\d+|/organisations/\\d+|/organisations/\\d+/challenges|/challenges/\\d+|/challenges/\\d+/technology|/admin/bank/statements");

    /**
     * Reads a POST's form whole. Every form here posts URL-encoded UTF-8, but for those that carry files, which post
     * multipart: any other body (multipart elsewhere, an unknown charset) is a 400 before anyone tries to read it, a
     * body that cannot be read as its type says is a 400, and one over the size allowed a 413.
     */
    public static void readForm(Context ctx) {
        if (!ctx.method().equals(HandlerType.POST) || api(ctx)) return;
        if (ctx.contentLength() > MAX_FORM_MB * 1024 * 1024) throw new HttpProblem.TooLarge();
        String type = ctx.header("Content-Type");
        if (type == null) throw new HttpProblem.BadRequest();
        String[] parts = type.toLowerCase(Locale.ROOT).split(";", -1);
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
            if (multipart) ctx.uploadedFileMap();
        } catch (Exception unreadable) { // the servlet's own exceptions too, which Javalin passes on undeclared
            LOG.info("an unreadable form on POST {}: {}", ctx.path(), unreadable.getMessage());
            throw unreadable(unreadable);
        }
    }

    /**
     * Refuses a POST whose form token is missing or is not the session's. A call to the API carries no session: its
     * bearer token is not sent by a browser on its own, so another site cannot forge it.
     */
    public static void checkCsrf(Context ctx) {
        if (!ctx.method().equals(HandlerType.POST) || api(ctx)) return;
        if (!Tokens.same(Current.state(ctx).csrfToken(), ctx.formParam("csrf"))) throw new HttpProblem.Forbidden("error.csrf");
    }

    /** A body too large for the limits is a 413, any other that cannot be read a 400; neither is the platform's failure. */
    private static HttpProblem unreadable(Exception e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if ((cause instanceof HttpResponseException response && response.getStatus() == 413)
                    || (cause instanceof HttpException jetty && jetty.getCode() == 413)
                    || String.valueOf(cause.getMessage()).contains("exceeds max")) {
                return new HttpProblem.TooLarge();
            }
        }
        return new HttpProblem.BadRequest();
    }
}
