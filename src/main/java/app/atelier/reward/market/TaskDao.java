package app.atelier.reward.market;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.statement.GetGeneratedKeys;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

@RegisterConstructorMapper(Task.class)
@RegisterConstructorMapper(TaskApplication.class)
interface TaskDao {
    String SELECT = """
            SELECT t.id, t.challenge_id, c.title AS challenge_title, t.title, t.brief, t.price, t.currency, t.state, t.created_at,
                   t.reflection_days, t.suggested_low, t.suggested_high
            FROM market_task t JOIN challenge c ON c.id = t.challenge_id""";

    @SqlUpdate("""
            INSERT INTO market_task (challenge_id, title, brief, price, currency, state, created_by, created_at, reflection_days, suggested_low, suggested_high)
            VALUES (:challengeId, :title, :brief, :price, :currency, 'OPEN', :createdBy, :now, :days, :low, :high)""")
    @GetGeneratedKeys("id")
    long post(long challengeId, String title, String brief, Long price, String currency, long createdBy, Instant now, Integer days, Long low, Long high);

    @SqlQuery(SELECT + " WHERE t.id = :id")
    Optional<Task> find(long id);

    @SqlQuery(SELECT + " WHERE t.challenge_id = :challengeId ORDER BY t.id DESC")
    List<Task> ofChallenge(long challengeId);

    @SqlUpdate("INSERT INTO task_application (task_id, member_id, pitch, applied_at) VALUES (:taskId, :memberId, :pitch, :now) ON CONFLICT DO NOTHING")
    int apply(long taskId, long memberId, String pitch, Instant now);

    @SqlQuery("""
            SELECT a.member_id, m.name AS member_name, a.pitch, a.applied_at FROM task_application a JOIN member m ON m.id = a.member_id
            WHERE a.task_id = :taskId ORDER BY a.applied_at""")
    List<TaskApplication> applications(long taskId);

    @SqlQuery("SELECT count(*) > 0 FROM task_application WHERE task_id = :taskId AND member_id = :memberId")
    boolean applied(long taskId, long memberId);

    @SqlUpdate("UPDATE market_task SET state = 'ASSIGNED' WHERE id = :id AND state = 'OPEN'")
    int assign(long id);

    @SqlUpdate("""
            INSERT INTO market_offer (challenge_id, task_id, member_id, price, currency, state, offered_by, created_at, updated_at)
            VALUES (:challengeId, :taskId, :memberId, :price, :currency, 'ACCEPTED', :offeredBy, :now, :now)""")
    @GetGeneratedKeys("id")
    long acceptedOffer(long challengeId, long taskId, long memberId, Long price, String currency, long offeredBy, Instant now);
}
