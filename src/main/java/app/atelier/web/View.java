package app.atelier.web;

import io.javalin.http.Context;
import java.util.Map;

/** Renders a page: its template gets the page's record and the shell around it. */
public final class View {
    public static final String FRAGMENT_HEADER = "X-Atelier-Fragment";

    private View() {
    }

    public static void render(Context ctx, String template, Object page) {
        ctx.render(template, Map.of("shell", shell(ctx), "page", page));
    }

    /** A form shown again with what is wrong with it. */
    public static void invalid(Context ctx, String template, Object page) {
        ctx.status(422);
        render(ctx, template, page);
    }

    /** Whether the page's script asked for the changed part of the page only, to put it in place. */
    public static boolean fragment(Context ctx) {
        return "1".equals(ctx.header(FRAGMENT_HEADER));
    }

    public static Shell shell(Context ctx) {
        var state = Current.state(ctx);
        String query = ctx.queryString();
        String path = ctx.path() + (query == null ? "" : "?" + query);
        return new Shell(state.text(), state.viewer(), state.csrfToken() == null ? "" : state.csrfToken(), path, state.now(), state.unread());
    }
}
