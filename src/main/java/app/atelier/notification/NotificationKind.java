package app.atelier.notification;

import java.util.Locale;

/** The events a member hears of; each can be emailed at once, in a daily digest, or not at all. */
public enum NotificationKind {
    REPLY, COMMENT, RESPONSE, APPLICATION, CHALLENGE_STATE, STAFF_OFFER, REWARD;

    public String key() {
        return "notification." + name().toLowerCase(Locale.ROOT);
    }
}
