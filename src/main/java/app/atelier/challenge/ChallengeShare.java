package app.atelier.challenge;

import static app.atelier.db.MemberData.Treatment.*;

import app.atelier.db.MemberData;

/** What this feature holds about a member, for their download and for when they leave. */
public final class ChallengeShare {
    public static final MemberData MEMBER_DATA = MemberData.none()
            .column("challenge.created_by", NOT_THEIRS)
            .column("challenge_team.member_id", EXPORTED_AND_KEPT)
            .column("challenge_announcement.actor_id", NOT_THEIRS)
            .column("challenge_view.member_id", ERASED_ONLY)
            .export("product_teams", "SELECT c.title AS challenge, t.lead, t.added_at FROM challenge_team t JOIN challenge c ON c.id = t.challenge_id WHERE t.member_id = :id");

    private ChallengeShare() {
    }
}
