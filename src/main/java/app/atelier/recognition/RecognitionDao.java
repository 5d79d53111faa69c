package app.atelier.recognition;

import java.util.List;
import java.util.Map;
import org.jdbi.v3.sqlobject.config.KeyColumn;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.config.ValueColumn;
import org.jdbi.v3.sqlobject.customizer.BindList;
import org.jdbi.v3.sqlobject.statement.SqlQuery;

/** Reads what {@link KeptPoints} keeps: one indexed row per answer, whatever the size of the community. */
@RegisterConstructorMapper(Recognition.Leader.class)
interface RecognitionDao {
    @SqlQuery("SELECT kind, events FROM recognition_count WHERE member_id = :memberId")
    @KeyColumn("kind")
    @ValueColumn("events")
    Map<String, Long> counts(long memberId);

    @SqlQuery("SELECT coalesce(max(points), 0) FROM recognition_points WHERE member_id = :memberId AND organisation_id = 0 AND month = 0")
    long points(long memberId);

    @SqlQuery("SELECT member_id, points FROM recognition_points WHERE member_id IN (<ids>) AND organisation_id = 0 AND month = 0")
    @KeyColumn("member_id")
    @ValueColumn("points")
    Map<Long, Long> pointsAmong(@BindList("ids") List<Long> ids);

    /** The most points in one organisation or (organisation 0) across Atelier, in one month or (month 0) all time. */
    @SqlQuery("""
            SELECT p.member_id, m.name AS member_name, p.points FROM recognition_points p JOIN member m ON m.id = p.member_id
            WHERE p.organisation_id = :organisationId AND p.month = :month AND p.points > 0
            ORDER BY p.points DESC, p.member_id LIMIT :limit""")
    List<Recognition.Leader> leaders(long organisationId, long month, int limit);

    @SqlQuery("SELECT name FROM organisation WHERE id = :organisationId")
    java.util.Optional<String> organisationName(long organisationId);
}
