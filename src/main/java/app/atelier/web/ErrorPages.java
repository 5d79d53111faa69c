package app.atelier.web;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The one place where refusals and failures become pages. No page ever shows a stack trace. */
public final class ErrorPages {
    private static final Logger LOG = LoggerFactory.getLogger(ErrorPages.class);

    /** @param message what to say; incident the id a failure is logged under, or null */
    public record ErrorPage(int status, Message message, String incident, String link, String linkKey) implements Page {
        @Override
        public String template() {
            return "errors/problem.jte";
        }
    }

    private ErrorPages() {
    }

    public static void register(RoutesConfig routes) {
        routes.exception(HttpProblem.SignInRequired.class, (e, ctx) -> {
            if (!WebSecurity.api(ctx)) {
                ctx.redirect("/login?next=" + back(ctx));
                return;
            }
            ctx.header("WWW-Authenticate", "Bearer");
            Problem.write(ctx, 401, new Message("api.unauthenticated"), null, null);
        });
        routes.exception(HttpProblem.class, (e, ctx) -> refuse(ctx, e));
        routes.exception(Invalid.class, (e, ctx) -> {
            if (WebSecurity.api(ctx)) Problem.write(ctx, 422, new Message("api.invalid"), e.errors(), null);
            else show(ctx, 422, e.errors().all().values().iterator().next(), null);
        });
        routes.exception(Exception.class, (e, ctx) -> {
            String incident = UUID.randomUUID().toString().substring(0, 8);
            LOG.error("incident {} on {} {}", incident, ctx.method(), ctx.path(), e);
            show(ctx, 500, new Message("error.failure"), incident);
        });
        routes.error(404, ctx -> show(ctx, 404, new Message("error.notFound"), null));
        routes.error(405, ctx -> show(ctx, 405, new Message("error.notFound"), null));
    }

    /** The refusal as a page; or, for a form sent from a page of this site, back to that page with the reason at the top. */
    public static void refuse(Context ctx, HttpProblem e) {
        if (e.retryAfterSeconds() > 0) ctx.header("Retry-After", Long.toString(e.retryAfterSeconds()));
        if (WebSecurity.api(ctx)) {
            Problem.write(ctx, e.status(), e.message(), null, null);
            return;
        }
        String from = cameFrom(ctx);
        if (from != null && COME_BACK.contains(e.status())) {
            Notice.refused(ctx, e);
            ctx.redirect(from);
            return;
        }
        show(ctx, e.status(), e.message(), null, e.link(), e.linkKey());
    }

    private static void show(Context ctx, int status, Message message, String incident) {
        show(ctx, status, message, incident, null, null);
    }

    private static void show(Context ctx, int status, Message message, String incident, String link, String linkKey) {
        if (WebSecurity.api(ctx)) {
            Problem.write(ctx, status, message, null, incident);
            return;
        }
        ctx.status(status);
        try {
            View.render(ctx, new ErrorPage(status, message, incident, link, linkKey));
        } catch (RuntimeException renderingFailed) {
            LOG.error("error page failed to render", renderingFailed);
            ctx.contentType("text/plain; charset=utf-8").result("Error " + status + (incident == null ? "" : " (incident " + incident + ")"));
        }
    }

    /** Refusals a person can read and act on from the page they were on: not allowed, no longer possible, too many. */
    private static final Set<Integer> COME_BACK = Set.of(403, 409, 429);

    /**
     * The page of this site a form was sent from, with its query, when a browser's form (not the page's script) sent
     * it: a refused action goes back there, its reason said at the top, rather than to a dead end.
     */
    private static String cameFrom(Context ctx) {
        String referer = ctx.header("Referer");
        if (!ctx.method().name().equals("POST") || View.fragment(ctx) || referer == null) return null;
        try {
            var uri = URI.create(referer);
            if (uri.getRawAuthority() == null || !uri.getRawAuthority().equalsIgnoreCase(ctx.host()) || uri.getRawPath() == null) return null;
            String page = uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
            return Forms.localPath(page);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** Where to come back to after signing in: the page asked for, or for a form, the page it was on. */
    private static String back(Context ctx) {
        String target = ctx.method().name().equals("GET") ? ctx.path() : refererPath(ctx);
        return URLEncoder.encode(target, StandardCharsets.UTF_8);
    }

    private static String refererPath(Context ctx) {
        String referer = ctx.header("Referer");
        if (referer == null) return "/";
        try {
            String path = URI.create(referer).getRawPath();
            return path == null || path.isEmpty() ? "/" : path;
        } catch (IllegalArgumentException e) {
            return "/";
        }
    }
}
