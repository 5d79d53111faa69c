package app.atelier.moderation;

import app.atelier.contribution.FlagReason;
import app.atelier.contribution.ItemType;
import java.time.Instant;
import java.util.List;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.BindList;
import org.jdbi.v3.sqlobject.customizer.Define;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

@RegisterConstructorMapper(FlaggedItem.class)
interface FlagDao {
    /** @return 1 for a new flag, 0 when this member had already flagged the item */
    @SqlUpdate("""
            INSERT INTO flag (item_type, item_id, member_id, reason, note, created_at) VALUES (:type, :id, :memberId, :reason, :note, :now)
            ON CONFLICT (item_type, item_id, member_id) DO NOTHING""")
    int insert(ItemType type, long id, long memberId, FlagReason reason,
               String note, Instant now);

    /**
     * Open flags on an item from approved members of the organisation's community who are not suspended from it,
     * each counting {@code weight} when its author has at least {@code points}, else 1.
     */
    @SqlQuery("""
            SELECT coalesce(sum(CASE WHEN EXISTS (SELECT 1 FROM recognition_points p
                                           WHERE p.member_id = f.member_id AND p.organisation_id = 0 AND p.month = 0 AND p.points >= :points)
                                THEN :weight ELSE 1 END), 0)
            FROM flag f JOIN community_membership c
              ON c.member_id = f.member_id AND c.organisation_id = :organisationId AND c.state = 'APPROVED'
            WHERE f.item_type = :type AND f.item_id = :id AND f.resolved = 0
              AND NOT EXISTS (SELECT 1 FROM community_suspension s WHERE s.organisation_id = :organisationId AND s.member_id = f.member_id)""")
    long fromApprovedMembers(ItemType type, long id, long organisationId, long points, int weight);

    @SqlUpdate("UPDATE flag SET resolved = 1 WHERE item_type = :type AND item_id = :id AND resolved = 0")
    void resolve(ItemType type, long id);

    @SqlUpdate("UPDATE <table> SET open_flags = open_flags + 1 WHERE id = :id")
    void countFlag(@Define("table") String table, long id);

    @SqlUpdate("UPDATE <table> SET hidden = :hidden, hidden_reason = :reason WHERE id = :id")
    void setHidden(@Define("table") String table, long id, boolean hidden, String reason);

    @SqlUpdate("UPDATE <table> SET open_flags = 0 WHERE id = :id")
    void clearFlags(@Define("table") String table, long id);

    /** Walks the items flagged or hidden (an index of those alone), then their organisation: CROSS JOIN keeps SQLite in that order. */
    @SqlQuery("""
            SELECT 'CONTRIBUTION' AS item_type, k.id, k.title AS text, k.author_id, m.name AS author_name, k.id AS contribution_id, k.open_flags, k.hidden
            FROM contribution k CROSS JOIN challenge c CROSS JOIN member m
            WHERE c.id = k.challenge_id AND m.id = k.author_id AND c.organisation_id = :organisationId AND (k.open_flags > 0 OR k.hidden = 1)
            UNION ALL
            SELECT 'COMMENT', x.id, substr(x.body, 1, 200), x.author_id, m.name, x.contribution_id, x.open_flags, x.hidden
            FROM comment x CROSS JOIN contribution k CROSS JOIN challenge c CROSS JOIN member m
            WHERE k.id = x.contribution_id AND c.id = k.challenge_id AND m.id = x.author_id AND c.organisation_id = :organisationId
              AND (x.open_flags > 0 OR x.hidden = 1)
            ORDER BY 7 DESC, 2 DESC LIMIT 200""")
    List<FlaggedItem> queue(long organisationId);

    /** The open flags on some items of one type: who flagged each, why, and what they wrote. */
    @SqlQuery("""
            SELECT f.item_type, f.item_id, f.member_id AS reporter_id, m.name AS reporter_name, f.reason, f.note
            FROM flag f JOIN member m ON m.id = f.member_id
            WHERE f.item_type = :type AND f.item_id IN (<ids>) AND f.resolved = 0 ORDER BY f.id""")
    @RegisterConstructorMapper(FlaggedItem.Report.class)
    List<FlaggedItem.Report> reports(ItemType type, @BindList("ids") List<Long> ids);
}
