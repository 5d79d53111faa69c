package app.atelier.web;

import io.javalin.http.Context;
import io.javalin.http.Cookie;
import io.javalin.http.SameSite;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;

/**
 * One line said on the page that follows a redirect: what was just done, or why it was refused. It travels in a
 * short-lived cookie that the next page shown takes; it names a message of the bundles and its plain arguments,
 * which the page writes escaped like any text.
 */
public record Notice(boolean refused, Message message) {
    private static final String COOKIE = "atelier_notice";

    /** Says, on the next page, that something was done. */
    public static void done(Context ctx, String key, Object... args) {
        put(ctx, false, key, args);
    }

    /** Says, on the next page, why something was refused. */
    public static void refused(Context ctx, HttpProblem problem) {
        put(ctx, true, problem.message().key(), problem.message().args());
    }

    private static void put(Context ctx, boolean refused, String key, Object... args) {
        var parts = new StringBuilder(refused ? "r" : "d").append('|').append(key);
        for (Object arg : args) parts.append('|').append(URLEncoder.encode(String.valueOf(arg instanceof Amount a ? a.minorUnits() + " " + a.currency() : arg), StandardCharsets.UTF_8));
        var cookie = new Cookie(COOKIE, URLEncoder.encode(parts.toString(), StandardCharsets.UTF_8), "/", 60, false, true, null, SameSite.LAX);
        ctx.cookie(cookie);
    }

    /** The notice the last redirect left, taken so that it is said once; null when there is none. */
    static Notice take(Context ctx) {
        String value = ctx.cookie(COOKIE);
        if (value == null) return null;
        ctx.removeCookie(COOKIE, "/");
        String[] parts = URLDecoder.decode(value, StandardCharsets.UTF_8).split("\\|", -1);
        if (parts.length < 2 || !parts[1].matches("[a-zA-Z]+(\\.[a-zA-Z0-9]+)+")) return null;
        Object[] args = Arrays.stream(parts, 2, parts.length).map(a -> URLDecoder.decode(a, StandardCharsets.UTF_8))
                .map(Notice::argument).toArray();
        return new Notice("r".equals(parts[0]), new Message(parts[1], args));
    }

    /** Numbers go back to numbers, so that a message's number formats apply; an amount back to an amount. */
    private static Object argument(String text) {
        if (text.matches("-?\\d{1,18}")) return Long.valueOf(text);
        if (text.matches("PT[0-9HMS.]+")) return Duration.parse(text);
        if (text.matches("-?\\d{1,18} [A-Z]{3}")) return new Amount(Long.parseLong(text.substring(0, text.indexOf(' '))), text.substring(text.indexOf(' ') + 1));
        return text;
    }
}
