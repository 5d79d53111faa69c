package app.atelier.recognition;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.sqlobject.config.KeyColumn;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.config.ValueColumn;
import org.jdbi.v3.sqlobject.customizer.BindList;
import org.jdbi.v3.sqlobject.statement.SqlQuery;

@RegisterConstructorMapper(Recognition.Leader.class)
interface RecognitionDao {
    @SqlQuery("SELECT kind, count(*) AS n FROM recognition_event WHERE member_id = :memberId GROUP BY kind")
    @KeyColumn("kind")
    @ValueColumn("n")
    Map<String, Long> counts(long memberId);

    @SqlQuery("SELECT coalesce(sum(points), 0) FROM recognition_event WHERE member_id = :memberId")
    long points(long memberId);

    @SqlQuery("SELECT member_id, coalesce(sum(points), 0) AS points FROM recognition_event WHERE member_id IN (<ids>) GROUP BY member_id")
    @KeyColumn("member_id")
    @ValueColumn("points")
    Map<Long, Long> points(@BindList(value = "ids", onEmpty = BindList.EmptyHandling.NULL_STRING) List<Long> ids);

    /** The most points earned since a time, in one organisation or (organisation 0) across Atelier. */
    @SqlQuery("""
            SELECT e.member_id, m.name AS member_name, sum(e.points) AS points FROM recognition_event e JOIN member m ON m.id = e.member_id
            WHERE (:organisationId = 0 OR e.organisation_id = :organisationId) AND e.earned_at >= :since
            GROUP BY e.member_id, m.name ORDER BY points DESC, e.member_id LIMIT :limit""")
    List<Recognition.Leader> leaders(long organisationId, Instant since, int limit);

    @SqlQuery("SELECT name FROM organisation WHERE id = :organisationId")
    java.util.Optional<String> organisationName(long organisationId);
}
