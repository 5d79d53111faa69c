package app.atelier.web;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;

/** Live preview of Markdown while writing, rendered by the one renderer the pages use. */
public final class PreviewRoutes {
    static final int MAX = 20_000;

    public record Preview(String source) implements Page {
        @Override
        public String template() {
            return "partials/preview.jte";
        }
    }

    public void register(RoutesConfig routes) {
        routes.post("/preview", this::preview, Role.MEMBER);
    }

    private void preview(Context ctx) {
        String source = Forms.multiline(ctx, "body");
        if (source.length() > MAX) throw Invalid.of("body", "error.tooLong", MAX);
        View.render(ctx, new Preview(source));
    }
}
