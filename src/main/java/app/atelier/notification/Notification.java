package app.atelier.notification;

import java.time.Instant;

/** Something a member was told of; {@code challengeId} and {@code challengeTitle} name the challenge it is about, if any. */
public record Notification(long id, NotificationKind kind, String actorName, String subject, String detailKey, String link, Instant createdAt,
                           Instant readAt, Long challengeId, String challengeTitle) {
    public boolean unread() {
        return readAt == null;
    }
}
