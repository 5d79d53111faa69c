package app.atelier.community;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** What the staff decide about a member of their community. */
public enum Decision {
    APPROVE, DECLINE, REMOVE;

    public String path() {
        return name().toLowerCase(Locale.ROOT);
    }

    public String key() {
        return "community." + path();
    }

    static Optional<Decision> fromPath(String path) {
        return Arrays.stream(values()).filter(d -> d.path().equals(path)).findFirst();
    }
}
