package app.atelier.challenge;

import java.util.Locale;

/** How a challenge collaborates with its community. */
public enum Mode {
    OUTSIDE_IN, INSIDE_OUT, COMMUNITY;

    public String key() {
        return "mode." + name().toLowerCase(Locale.ROOT);
    }
}
