package app.atelier.notification;

import static app.atelier.db.MemberData.Treatment.*;

import app.atelier.db.MemberData;

/** What this feature holds about a member, for their download and for when they leave. */
public final class NotificationShare {
    public static final MemberData MEMBER_DATA = MemberData.none()
            .column("notification.member_id", EXPORTED_AND_ERASED)
            .column("notification_preference.member_id", EXPORTED_AND_ERASED)
            .column("outbox.member_id", EXPORTED_AND_KEPT)
            .export("notifications", "SELECT kind, actor_name, subject, link, created_at, read_at FROM notification WHERE member_id = :id")
            .export("notification_preferences", "SELECT kind, delivery FROM notification_preference WHERE member_id = :id")
            .export("emails", "SELECT to_address, subject, body, created_at, sent_at FROM outbox WHERE member_id = :id")
            .scrub("UPDATE outbox SET to_address = :erased, subject = '', body = '' WHERE member_id = :id");

    private NotificationShare() {
    }
}
