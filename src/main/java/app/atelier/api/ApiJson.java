package app.atelier.api;

import app.atelier.web.HttpProblem;
import app.atelier.web.Json;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Context;

/** The API's JSON: answers written from the records of {@link ApiViews}, bodies read as one object of text fields. */
final class ApiJson {
    static final String TYPE = "application/json";
    /** The largest body a call may send: a contribution's text and its title, with room to spare. */
    static final int BODY_MAX = 256 * 1024;
    private static final ObjectMapper JSON = new ObjectMapper();

    private ApiJson() {
    }

    static void write(Context ctx, int status, String json) {
        ctx.status(status).contentType(TYPE).result(json);
    }

    static void ok(Context ctx, Object value) {
        write(ctx, 200, Json.write(value));
    }

    static void created(Context ctx, String location, Object value) {
        ctx.header("Location", location);
        write(ctx, 201, Json.write(value));
    }

    /** The body as one JSON object: anything else, or a body too large, is refused before it reaches a service. */
    static Body body(Context ctx) {
        if (ctx.contentLength() > BODY_MAX) throw new HttpProblem.TooLarge();
        String type = ctx.header("Content-Type");
        if (type == null || !type.toLowerCase(java.util.Locale.ROOT).startsWith(TYPE)) throw new HttpProblem.UnsupportedType("api.malformed");
        byte[] bytes = ctx.bodyAsBytes();
        if (bytes.length > BODY_MAX) throw new HttpProblem.TooLarge();
        try {
            var node = JSON.readTree(bytes);
            if (node == null || !node.isObject()) throw new HttpProblem.BadRequest("api.malformed");
            return new Body(node);
        } catch (java.io.IOException e) {
            throw new HttpProblem.BadRequest("api.malformed");
        }
    }

    /** A body's fields: a text, or empty when absent; a field of another type is a malformed body. */
    record Body(JsonNode node) {
        String text(String field) {
            var value = node.get(field);
            if (value == null || value.isNull()) return "";
            if (!value.isTextual()) throw new HttpProblem.BadRequest("api.malformed");
            return value.asText().strip();
        }
    }
}
