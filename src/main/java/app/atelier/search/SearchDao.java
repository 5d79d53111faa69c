package app.atelier.search;

import java.util.ArrayList;
import java.util.List;
import org.jdbi.v3.core.Handle;

/**
 * The search query: one ranked list over the three indexes, each joined to the rows it points to and narrowed to
 * what the searcher may see. Who may see what is the same rule as the pages': a challenge past its draft that is
 * not private, or any challenge of an organisation the searcher works for; a contribution that is not hidden,
 * and in a confidential challenge only the searcher's own; a comment neither hidden nor deleted, on such a
 * contribution. Hidden items are left out for everyone, staff included.
 */
final class SearchDao {
    private static final String STAFF = "c.organisation_id IN (SELECT organisation_id FROM organisation_staff WHERE member_id = :viewer)";
    private static final String CHALLENGE_SEEN = "(" + STAFF + " OR (c.state <> 'DRAFT' AND c.visibility <> 'PRIVATE'))";
    private static final String CONTRIBUTION_SEEN = "k.hidden = 0 AND (" + STAFF + " OR c.visibility <> 'CONFIDENTIAL' OR k.author_id = :viewer)";
    private static final String NARROWED = " AND (:organisation IS NULL OR c.organisation_id = :organisation) AND (:stage IS NULL OR c.stage = :stage)";
    private static final String MARKS = "char(2), char(3)";

    private static final String CHALLENGES = """
            SELECT 'CHALLENGE' AS found, c.id, c.id AS challenge_id, 0 AS contribution_id, c.title AS challenge_title, o.name AS organisation_name,
                   NULL AS kind, NULL AS status, highlight(challenge_search, 0, %1$s) AS title,
                   snippet(challenge_search, 1, %1$s, '…', 24) AS snippet, c.created_at AS created_at, bm25(challenge_search, 10.0, 1.0) AS rank
            FROM challenge_search JOIN challenge c ON c.id = challenge_search.rowid JOIN organisation o ON o.id = c.organisation_id
            WHERE challenge_search MATCH :match AND %2$s""".formatted(MARKS, CHALLENGE_SEEN) + NARROWED;

    private static final String CONTRIBUTIONS = """
            SELECT 'CONTRIBUTION' AS found, k.id, c.id AS challenge_id, k.id AS contribution_id, c.title AS challenge_title, o.name AS organisation_name,
                   k.kind, k.status, highlight(contribution_search, 0, %1$s) AS title,
                   snippet(contribution_search, 1, %1$s, '…', 24) AS snippet, k.created_at AS created_at, bm25(contribution_search, 10.0, 1.0) AS rank
            FROM contribution_search JOIN contribution k ON k.id = contribution_search.rowid JOIN challenge c ON c.id = k.challenge_id
            JOIN organisation o ON o.id = c.organisation_id
            WHERE contribution_search MATCH :match AND %2$s AND %3$s
              AND (:kind IS NULL OR k.kind = :kind) AND (:status IS NULL OR k.status = :status)""".formatted(MARKS, CHALLENGE_SEEN, CONTRIBUTION_SEEN)
            + NARROWED;

    private static final String COMMENTS = """
            SELECT 'COMMENT' AS found, m.id, c.id AS challenge_id, k.id AS contribution_id, c.title AS challenge_title, o.name AS organisation_name,
                   NULL AS kind, NULL AS status, k.title AS title, snippet(comment_search, 0, %1$s, '…', 24) AS snippet, m.created_at AS created_at,
                   bm25(comment_search) AS rank
            FROM comment_search JOIN comment m ON m.id = comment_search.rowid JOIN contribution k ON k.id = m.contribution_id
            JOIN challenge c ON c.id = k.challenge_id JOIN organisation o ON o.id = c.organisation_id
            WHERE comment_search MATCH :match AND m.hidden = 0 AND m.deleted = 0 AND %2$s AND %3$s""".formatted(MARKS, CHALLENGE_SEEN, CONTRIBUTION_SEEN)
            + NARROWED;

    private SearchDao() {
    }

    /** Up to {@code limit} results from {@code offset}, the best first. */
    static List<Result> search(Handle h, SearchQuery query, long viewer, int offset, int limit) {
        var parts = new ArrayList<String>();
        if (query.wants(SearchQuery.Found.CHALLENGE)) parts.add(CHALLENGES);
        if (query.wants(SearchQuery.Found.CONTRIBUTION)) parts.add(CONTRIBUTIONS);
        if (query.wants(SearchQuery.Found.COMMENT)) parts.add(COMMENTS);
        String sql = String.join("\nUNION ALL\n", parts) + "\nORDER BY rank, created_at DESC LIMIT :limit OFFSET :offset";
        return h.createQuery(sql)
                .bind("match", query.match()).bind("viewer", viewer)
                .bind("organisation", query.organisationId()).bind("stage", query.stage() == null ? null : query.stage().name())
                .bind("kind", query.kind() == null ? null : query.kind().name()).bind("status", query.status() == null ? null : query.status().name())
                .bind("limit", limit).bind("offset", offset)
                .mapTo(Result.class).list();
    }
}
