package app.atelier.web;

import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.output.Utf8ByteOutput;
import io.javalin.http.Context;
import java.util.Map;

/**
 * Renders a page: its template gets the page's record and the shell around it. Templates are compiled at
 * build time with their static text already in UTF-8, and render straight into bytes: encoding a whole
 * page from a String was the largest cost of serving it.
 */
public final class View {
    public static final String FRAGMENT_HEADER = "X-Atelier-Fragment";
    private static final TemplateEngine ENGINE = TemplateEngine.createPrecompiled(ContentType.Html);
    private static final int TYPICAL_PAGE = 16 * 1024;

    private View() {
    }

    public static void render(Context ctx, Page page) {
        var output = new Utf8ByteOutput(TYPICAL_PAGE);
        // jte takes a Map<String, Object> as the named parameters; any other object would be its single parameter.
        ENGINE.render(page.template(), Map.<String, Object>of("shell", shell(ctx), "page", page), output);
        ctx.contentType("text/html; charset=utf-8");
        ctx.result(output.toByteArray());
    }

    /** A form shown again with what is wrong with it. */
    public static void invalid(Context ctx, Page page) {
        ctx.status(422);
        render(ctx, page);
    }

    /** Whether the page's script asked for the changed part of the page only, to put it in place. */
    public static boolean fragment(Context ctx) {
        return "1".equals(ctx.header(FRAGMENT_HEADER));
    }

    public static Shell shell(Context ctx) {
        var state = Current.state(ctx);
        String query = ctx.queryString();
        String path = ctx.path() + (query == null ? "" : "?" + query);
        return new Shell(state.text(), state.viewer(), state.csrfToken() == null ? "" : state.csrfToken(), path, state.now(), state.unread(), state.workplaces(),
                Notice.take(ctx), state.unverifiedEmail());
    }
}
