package app.atelier.audit;

import static app.atelier.db.MemberData.Treatment.*;

import app.atelier.db.MemberData;

/** What this feature holds about a member, for their download and for when they leave. */
public final class AuditShare {
    public static final MemberData MEMBER_DATA = MemberData.none()
            .column("audit_log.actor_id", NOT_THEIRS)
            .column("audit_log.subject_member_id", NOT_THEIRS)
            // The log keeps what happened, and forgets who it happened to.
            .scrub("UPDATE audit_log SET subject = '', subject_member_id = NULL WHERE subject_member_id = :id");

    private AuditShare() {
    }
}
