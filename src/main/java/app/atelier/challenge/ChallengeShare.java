package app.atelier.challenge;

import static app.atelier.db.MemberData.Treatment.*;

import app.atelier.db.Figure;
import app.atelier.db.MemberData;
import app.atelier.db.Searched;
import java.util.List;

/** This feature's share of the common concerns: what it holds about a member, what it indexes, what it counts. */
public final class ChallengeShare {
    public static final MemberData MEMBER_DATA = MemberData.none()
            .column("challenge.created_by", NOT_THEIRS)
            .column("challenge_team.member_id", EXPORTED_AND_KEPT)
            .column("challenge_announcement.actor_id", NOT_THEIRS)
            .column("challenge_view.member_id", ERASED_ONLY)
            .export("product_teams", "SELECT c.title AS challenge, t.lead, t.added_at FROM challenge_team t JOIN challenge c ON c.id = t.challenge_id WHERE t.member_id = :id");

    /** Whether the searcher {@code :viewer} works for the organisation running the challenge {@code c}. */
    public static final String STAFF = "c.organisation_id IN (SELECT organisation_id FROM organisation_staff WHERE member_id = :viewer)";

    /** Whether anyone may see the challenge {@code c}: past its draft and not private. */
    public static final String LISTED = "c.state <> 'DRAFT' AND c.visibility <> 'PRIVATE'";

    /** Who may see the challenge {@code c}: its organisation's staff, and everyone once it is listed. */
    public static final String SEEN = "(" + STAFF + " OR (" + LISTED + "))";

    public static final Searched SEARCHED = new Searched("challenge", "c", "JOIN organisation o ON o.id = c.organisation_id", SEEN, """
            c.id AS challenge_id, 0 AS contribution_id, c.title AS challenge_title, o.name AS organisation_name, NULL AS kind, NULL AS status,
            c.title AS title, c.brief AS snippet""");

    public static final List<Figure> FIGURES = List.of(new Figure("dashboard.viewed",
            "SELECT count(DISTINCT v.member_id) FROM challenge_view v JOIN challenge c ON c.id = v.challenge_id WHERE <scope>"));

    private ChallengeShare() {
    }
}
