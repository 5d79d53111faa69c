package app.atelier.contribution;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** What can be flagged and hidden; each lives in its own table. */
public enum ItemType {
    CONTRIBUTION("contribution"), COMMENT("comment");

    private final String table;

    ItemType(String table) {
        this.table = table;
    }

    /** The table's name, from this enum only, never from a request. */
    public String table() {
        return table;
    }

    public String path() {
        return name().toLowerCase(Locale.ROOT);
    }

    public String key() {
        return "queue." + path();
    }

    public static Optional<ItemType> fromPath(String path) {
        return Arrays.stream(values()).filter(t -> t.path().equals(path)).findFirst();
    }
}
