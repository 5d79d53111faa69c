package app.atelier.web;

import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;
import io.javalin.http.Context;
import io.javalin.rendering.FileRenderer;
import java.util.Map;

/** jte templates compiled at build time from {@code templates/}. */
public final class JteRenderer implements FileRenderer {
    private final TemplateEngine engine = TemplateEngine.createPrecompiled(ContentType.Html);

    /** The model must reach jte as a {@code Map<String, Object>}, or it takes the whole map for the first parameter. */
    @Override
    @SuppressWarnings("unchecked")
    public String render(String template, Map<String, ?> model, Context ctx) {
        var output = new StringOutput();
        engine.render(template, (Map<String, Object>) model, output);
        return output.toString();
    }
}
