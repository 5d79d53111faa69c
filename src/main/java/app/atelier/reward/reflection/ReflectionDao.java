package app.atelier.reward.reflection;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlBatch;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

@RegisterConstructorMapper(ReflectionService.Period.class)
@RegisterConstructorMapper(ReflectionService.Contributor.class)
@RegisterConstructorMapper(ReflectionDao.History.class)
interface ReflectionDao {
    /** Starts the period when the challenge is decided; a challenge decided again keeps its first period. */
    @SqlUpdate("INSERT INTO reflection (challenge_id, ends_at) VALUES (:challengeId, :endsAt) ON CONFLICT (challenge_id) DO NOTHING")
    void begin(long challengeId, Instant endsAt);

    @SqlQuery("SELECT challenge_id, ends_at, reminded_at, paid_at, total, message FROM reflection WHERE challenge_id = :challengeId")
    Optional<ReflectionService.Period> period(long challengeId);

    @SqlQuery("""
            SELECT k.author_id AS member_id, m.name, count(*) AS contributions, sum(k.vote_count) AS votes,
                   sum(CASE WHEN k.status IN ('ACCEPTED', 'IN_DEVELOPMENT', 'IMPLEMENTED') THEN 1 ELSE 0 END) AS accepted,
                   (SELECT s.amount FROM reflection_share s WHERE s.challenge_id = :challengeId AND s.member_id = k.author_id) AS paid
            FROM contribution k JOIN member m ON m.id = k.author_id
            WHERE k.challenge_id = :challengeId AND k.hidden = 0 AND k.status <> 'DUPLICATE'
            GROUP BY k.author_id, m.name ORDER BY votes DESC, k.author_id""")
    List<ReflectionService.Contributor> contributors(long challengeId);

    @SqlQuery("SELECT amount FROM reflection_share WHERE challenge_id = :challengeId AND member_id = :memberId")
    Optional<Long> share(long challengeId, long memberId);

    @SqlBatch("INSERT INTO reflection_share (challenge_id, member_id, amount) VALUES (:challengeId, :memberId, :amount)")
    void shares(long challengeId, @Bind("memberId") List<Long> members, @Bind("amount") List<Long> amounts);

    /** 1 the first time; 0 when it was already paid (a double click, another manager). */
    @SqlUpdate("""
            UPDATE reflection SET paid_at = :now, paid_by = :by, total = :total, message = :message
            WHERE challenge_id = :challengeId AND paid_at IS NULL""")
    int paid(long challengeId, long by, long total, String message, Instant now);

    /** Periods over without a payment, not yet reminded; each instance's job takes those no other is taking. */
    @SqlQuery("SELECT challenge_id FROM reflection WHERE paid_at IS NULL AND reminded_at IS NULL AND ends_at <= :now ORDER BY challenge_id <skipLocked>")
    List<Long> due(Instant now);

    @SqlUpdate("UPDATE reflection SET reminded_at = :now WHERE challenge_id = :challengeId AND paid_at IS NULL AND reminded_at IS NULL")
    int remind(long challengeId, Instant now);

    /** Tasks received and paid after reflection whose period is over unpaid, not yet reminded. */
    @SqlQuery("""
            SELECT id FROM market_offer WHERE state = 'RECEIVED' AND reminded_at IS NULL AND reflection_ends_at <= :now ORDER BY id <skipLocked>""")
    List<Long> dueTasks(Instant now);

    @SqlUpdate("UPDATE market_offer SET reminded_at = :now WHERE id = :offerId AND state = 'RECEIVED' AND reminded_at IS NULL")
    int remindTask(long offerId, Instant now);

    /** Who is reminded, and of what: the organisation, and the challenge's or the task's title. */
    record Decided(long organisationId, String title) {
    }

    @SqlQuery("SELECT organisation_id, title FROM challenge WHERE id = :id")
    @RegisterConstructorMapper(Decided.class)
    Decided challenge(long id);

    @SqlQuery("SELECT c.organisation_id, t.title FROM market_offer o JOIN market_task t ON t.id = o.task_id JOIN challenge c ON c.id = o.challenge_id WHERE o.id = :offerId")
    @RegisterConstructorMapper(Decided.class)
    Decided task(long offerId);

    record History(long ended, long paid, long total) {
    }

    /** An organisation's periods that are over or paid, of its challenges and of its tasks. */
    @SqlQuery("""
            SELECT count(*) AS ended, count(paid_at) AS paid, coalesce(sum(total), 0) AS total FROM (
                SELECT r.paid_at, r.total FROM reflection r JOIN challenge c ON c.id = r.challenge_id
                WHERE c.organisation_id = :organisationId AND (r.paid_at IS NOT NULL OR r.ends_at <= :now)
                UNION ALL
                SELECT CASE WHEN o.state = 'PAID' THEN o.updated_at END, CASE WHEN o.state = 'PAID' THEN o.price END
                FROM market_offer o JOIN challenge c ON c.id = o.challenge_id
                WHERE c.organisation_id = :organisationId AND o.reflection_ends_at IS NOT NULL AND (o.state = 'PAID' OR o.reflection_ends_at <= :now)
            ) AS periods""")
    History history(long organisationId, Instant now);
}
