package app.atelier.proposal;

import static app.atelier.db.MemberData.Treatment.*;

import app.atelier.db.MemberData;

/** What this feature holds about a member, for their download and for when they leave. */
public final class ProposalShare {
    public static final MemberData MEMBER_DATA = MemberData.none()
            .column("conversation_message.author_id", EXPORTED_AND_KEPT)
            .column("agreement.recorded_by", NOT_THEIRS)
            .export("private_messages", "SELECT contribution_id, body, created_at FROM conversation_message WHERE author_id = :id");

    private ProposalShare() {
    }
}
