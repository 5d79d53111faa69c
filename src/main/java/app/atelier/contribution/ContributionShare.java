package app.atelier.contribution;

import static app.atelier.db.MemberData.Treatment.*;

import app.atelier.db.MemberData;

/** What this feature holds about a member, for their download and for when they leave. */
public final class ContributionShare {
    public static final MemberData MEMBER_DATA = MemberData.none()
            .column("contribution.author_id", EXPORTED_AND_KEPT)
            .column("contribution.helpful_by", NOT_THEIRS)
            .column("comment.author_id", EXPORTED_AND_KEPT)
            .column("vote.member_id", EXPORTED_AND_KEPT)
            .column("follow.member_id", EXPORTED_AND_ERASED)
            .column("official_response.author_id", EXPORTED_AND_KEPT)
            .column("terms_acceptance.member_id", EXPORTED_AND_KEPT)
            .export("contributions", "SELECT id, challenge_id, kind, title, body, status, vote_count, created_at, updated_at FROM contribution WHERE author_id = :id")
            .export("comments", "SELECT id, contribution_id, parent_id, body, deleted, created_at, updated_at FROM comment WHERE author_id = :id")
            .export("votes", "SELECT contribution_id, created_at FROM vote WHERE member_id = :id")
            .export("follows", "SELECT contribution_id, created_at FROM follow WHERE member_id = :id")
            .export("official_responses_written", "SELECT contribution_id, status, body, created_at FROM official_response WHERE author_id = :id")
            .export("terms_accepted", "SELECT c.title AS challenge, t.version, t.accepted_at FROM terms_acceptance t JOIN challenge c ON c.id = t.challenge_id WHERE t.member_id = :id");

    private ContributionShare() {
    }
}
