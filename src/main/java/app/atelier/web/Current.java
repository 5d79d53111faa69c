package app.atelier.web;

import io.javalin.http.Context;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/** What the request knows of its person, set once per request before the handlers run. */
public final class Current {
    private static final String KEY = "atelier.current";

    /**
     * What the request knows of its person.
     *
     * @param csrfToken the session's token, or null when the visitor has no session yet
     * @param unverifiedEmail a signed-in member's address while it is not verified, else null
     */
    public record State(Viewer viewer, String sessionId, String csrfToken, Text text, Instant now, long unread, List<Workplace> workplaces,
                        String unverifiedEmail) {
    }

    private Current() {
    }

    public static void set(Context ctx, State state) {
        ctx.attribute(KEY, state);
    }

    public static State state(Context ctx) {
        State state = ctx.attribute(KEY);
        if (state != null) return state;
        // Turned away before the session was read (too busy, a bad request): the browser's language, without the database.
        Locale language = Objects.requireNonNullElse(Text.fromAcceptLanguage(ctx.header("Accept-Language")), Text.FRENCH);
        return new State(Viewer.VISITOR, null, null, Text.of(language, ZoneOffset.UTC), Instant.now(), 0, List.of(), null);
    }

    public static Viewer viewer(Context ctx) {
        return state(ctx).viewer();
    }

    public static Text text(Context ctx) {
        return state(ctx).text();
    }
}
