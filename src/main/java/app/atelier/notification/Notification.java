package app.atelier.notification;

import java.time.Instant;

public record Notification(long id, NotificationKind kind, String actorName, String subject, String detailKey, String link, Instant createdAt,
                           Instant readAt) {
    public boolean unread() {
        return readAt == null;
    }
}
