package app.atelier.moderation;

import static app.atelier.db.MemberData.Treatment.*;

import app.atelier.db.MemberData;

/** What this feature holds about a member, for their download and for when they leave. */
public final class ModerationShare {
    public static final MemberData MEMBER_DATA = MemberData.none()
            .column("flag.member_id", EXPORTED_AND_ERASED)
            .export("flags", "SELECT item_type, item_id, reason, note, created_at FROM flag WHERE member_id = :id");

    private ModerationShare() {
    }
}
