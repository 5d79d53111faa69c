package app.atelier.moderation;

import java.util.Locale;

public enum FlagReason {
    SPAM, ABUSIVE, OFF_TOPIC, OTHER;

    public String key() {
        return "flag." + name().toLowerCase(Locale.ROOT);
    }
}
