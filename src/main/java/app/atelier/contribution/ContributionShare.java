package app.atelier.contribution;

import static app.atelier.db.MemberData.Treatment.*;

import app.atelier.challenge.ChallengeShare;
import app.atelier.db.Figure;
import app.atelier.db.MemberData;
import app.atelier.db.Searched;
import java.util.List;

/** This feature's share of the common concerns: what it holds about a member, what it indexes, what it counts. */
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

    /**
     * Who may see the contribution {@code k} in a challenge they may see: not hidden (from staff neither), and in a
     * confidential challenge only its author and the staff.
     */
    private static final String SEEN = "k.hidden = 0 AND (" + ChallengeShare.STAFF + " OR c.visibility <> 'CONFIDENTIAL' OR k.author_id = :viewer)";
    private static final String CHALLENGE = "JOIN challenge c ON c.id = k.challenge_id JOIN organisation o ON o.id = c.organisation_id";

    public static final Searched CONTRIBUTIONS_SEARCHED = new Searched("contribution", "k", CHALLENGE,
            ChallengeShare.SEEN + " AND " + SEEN + " AND (:kind IS NULL OR k.kind = :kind) AND (:status IS NULL OR k.status = :status)", """
            c.id AS challenge_id, k.id AS contribution_id, c.title AS challenge_title, o.name AS organisation_name, k.kind, k.status,
            k.title AS title, k.body AS snippet""");

    /** A comment neither hidden nor deleted, on a contribution the searcher may see. */
    public static final Searched COMMENTS_SEARCHED = new Searched("comment", "m", "JOIN contribution k ON k.id = m.contribution_id " + CHALLENGE,
            "m.hidden = 0 AND m.deleted = 0 AND " + ChallengeShare.SEEN + " AND " + SEEN, """
            c.id AS challenge_id, k.id AS contribution_id, c.title AS challenge_title, o.name AS organisation_name, NULL AS kind, NULL AS status,
            k.title AS title, m.body AS snippet""");

    public static final List<Figure> FIGURES = List.of(
            new Figure("dashboard.contributed", "SELECT count(DISTINCT k.author_id) FROM contribution k JOIN challenge c ON c.id = k.challenge_id WHERE <scope>"),
            new Figure("dashboard.commented", """
                    SELECT count(DISTINCT m.author_id) FROM comment m JOIN contribution k ON k.id = m.contribution_id
                    JOIN challenge c ON c.id = k.challenge_id WHERE <scope>"""),
            new Figure("dashboard.voted", """
                    SELECT count(DISTINCT v.member_id) FROM vote v JOIN contribution k ON k.id = v.contribution_id
                    JOIN challenge c ON c.id = k.challenge_id WHERE <scope>"""));

    private ContributionShare() {
    }
}
