package app.atelier.community;

import static app.atelier.db.MemberData.Treatment.*;

import app.atelier.db.MemberData;

/** What this feature holds about a member, for their download and for when they leave. */
public final class CommunityShare {
    public static final MemberData MEMBER_DATA = MemberData.none()
            .column("community_membership.member_id", EXPORTED_AND_ERASED)
            .column("community_membership.decided_by", NOT_THEIRS)
            .column("community_suspension.member_id", EXPORTED_AND_ERASED)
            .column("community_suspension.suspended_by", NOT_THEIRS)
            .column("community_invitation.invited_by", NOT_THEIRS)
            .column("community_invitation.used_by", NOT_THEIRS)
            .export("communities", """
                    SELECT o.name AS organisation, c.state, c.city, c.country, c.age_range, c.occupation, c.product_use, c.skills, c.motivation,
                           c.decision_message, c.applied_at, c.decided_at
                    FROM community_membership c JOIN organisation o ON o.id = c.organisation_id WHERE c.member_id = :id""")
            .export("suspensions", "SELECT o.name AS organisation, s.reason, s.suspended_at FROM community_suspension s JOIN organisation o ON o.id = s.organisation_id WHERE s.member_id = :id");

    private CommunityShare() {
    }
}
