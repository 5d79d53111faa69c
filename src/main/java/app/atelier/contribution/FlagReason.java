package app.atelier.contribution;

import java.util.Locale;

/** Why a member reports a contribution or a comment to the moderators. */
public enum FlagReason {
    SPAM, ABUSIVE, OFF_TOPIC, OTHER;

    public String key() {
        return "flag." + name().toLowerCase(Locale.ROOT);
    }
}
