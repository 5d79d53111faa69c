package app.atelier.web;

import io.javalin.http.Context;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;

/**
 * A refusal of a call to the API as RFC 9457 problem details: its type names the reason by its message key (a URN, so
 * that programs can tell reasons apart), its title says it in the caller's language, and a form's errors are listed by
 * field.
 */
public final class Problem {
    public static final String TYPE = "application/problem+json";

    private Problem() {
    }

    public static void write(Context ctx, int status, Message message, Errors errors, String incident) {
        var text = Current.text(ctx);
        var body = new LinkedHashMap<String, Object>();
        body.put("type", "urn:atelier:problem:" + message.key());
        body.put("title", text.t(message));
        body.put("status", status);
        body.put("instance", ctx.path());
        if (errors != null) {
            var fields = new LinkedHashMap<String, String>();
            errors.all().forEach((field, m) -> fields.put(field, text.t(m)));
            body.put("errors", fields);
        }
        if (incident != null) body.put("incident", incident);
        // Written as UTF-8 bytes: the server knows no charset for problem+json and would write Latin-1, losing "’" and "é".
        ctx.status(status).contentType(TYPE).result(Json.write(body).getBytes(StandardCharsets.UTF_8));
    }
}
