package app.atelier.notification;

import java.util.Locale;

/**
 * The events a member hears of; each can be emailed at once, in a daily digest, or not at all. What an
 * organisation's staff hear of comes in a digest unless they choose otherwise: a busy community would otherwise
 * send them an email a minute.
 */
public enum NotificationKind {
    REPLY, COMMENT, RESPONSE, APPLICATION, CHALLENGE_STATE, STAFF_OFFER, REWARD, TEAM, CONVERSATION,
    NEW_APPLICATION, NEW_CONTRIBUTION, NEW_FLAG, CHALLENGE_MOVED, WEBHOOK_OFF;

    public Delivery byDefault() {
        return switch (this) {
            case NEW_APPLICATION, NEW_CONTRIBUTION, NEW_FLAG, CHALLENGE_MOVED -> Delivery.DIGEST;
            default -> Delivery.NOW;
        };
    }

    public String key() {
        return "notification." + name().toLowerCase(Locale.ROOT);
    }
}
