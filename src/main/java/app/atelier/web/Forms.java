package app.atelier.web;

import io.javalin.http.Context;
import java.util.List;
import java.util.regex.Pattern;

/** Reading form fields as people type them: trimmed, never null. */
public final class Forms {
    private Forms() {
    }

    public static String text(Context ctx, String field) {
        String value = ctx.formParam(field);
        return value == null ? "" : value.strip();
    }

    /** A query parameter as typed, trimmed and cut to {@code max} characters; empty when absent. */
    public static String query(Context ctx, String name, int max) {
        String value = ctx.queryParam(name);
        if (value == null) return "";
        String trimmed = value.strip();
        return trimmed.length() > max ? trimmed.substring(0, max) : trimmed;
    }

    private static final Pattern EMAIL = Pattern.compile("^[^@\\s,;]+@[^@\\s,;]+\\.[^@\\s,;]+$");
    public static final int EMAIL_MAX = 254;

    /** One address, as people type it: a list, or anything that is not an address, is not one. */
    public static boolean isEmail(String email) {
        return email.length() <= EMAIL_MAX && EMAIL.matcher(email).matches();
    }

    /** Multi-line text keeps its inner layout, only line endings are normalised. */
    public static String multiline(Context ctx, String field) {
        String value = ctx.formParam(field);
        return value == null ? "" : value.replace("\r\n", "\n").strip();
    }

    /** One of an enum's names from an address's query, or null when absent; anything else is a bad request. */
    public static <E extends Enum<E>> E choice(Class<E> type, String value) {
        if (value == null || value.isBlank()) return null;
        try {
            return Enum.valueOf(type, value);
        } catch (IllegalArgumentException e) {
            throw new HttpProblem.BadRequest();
        }
    }

    /** A number in the path; anything else is a page that does not exist. */
    public static long pathId(Context ctx, String name) {
        return parseId(ctx.pathParam(name));
    }

    public static Long optionalId(String value) {
        if (value == null || value.isBlank()) return null;
        return parseId(value.strip());
    }

    /** A whole number typed within bounds, or -1 for anything else (blank, a word, a sign, too many digits, out of bounds). */
    public static int wholeNumber(String typed, int least, int most) {
        String t = typed.strip();
        if (!t.matches("\\d{1,9}")) return -1;
        int n = Integer.parseInt(t);
        return n < least || n > most ? -1 : n;
    }

    public static int page(Context ctx) {
        try {
            int page = Integer.parseInt(ctx.queryParamMap().getOrDefault("page", List.of("1")).get(0));
            return Math.max(1, Math.min(page, 100_000));
        } catch (NumberFormatException e) {
            return 1;
        }
    }

    /** Only a path on this site, never another host, so that a link cannot send someone away; else the home page. */
    public static String localPath(String path) {
        if (path == null || !path.startsWith("/") || path.startsWith("//") || path.contains("\\")
                || path.chars().anyMatch(c -> c < 0x20)) {
            return "/";
        }
        return path;
    }

    private static long parseId(String value) {
        try {
            long id = Long.parseLong(value);
            if (id <= 0) throw new HttpProblem.NotFound();
            return id;
        } catch (NumberFormatException e) {
            throw new HttpProblem.NotFound();
        }
    }
}
