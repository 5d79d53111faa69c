package app.atelier.db;

/** Text put in a {@code LIKE} pattern as itself: its wildcards escaped with a backslash, as {@code ESCAPE '\'} reads them. */
public final class Like {
    private Like() {
    }

    public static String literal(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
