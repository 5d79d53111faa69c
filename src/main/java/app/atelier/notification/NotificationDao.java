package app.atelier.notification;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.sqlobject.config.KeyColumn;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.config.ValueColumn;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.BindList;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.statement.SqlBatch;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

@RegisterConstructorMapper(Notification.class)
@RegisterConstructorMapper(OutboxEmail.class)
@RegisterConstructorMapper(NotificationDao.Recipient.class)
@RegisterConstructorMapper(NotificationDao.Addressee.class)
interface NotificationDao {
    /** An email as the outbox holds it, for {@link OutboxEmail}. */
    String OUTBOX = "SELECT id, member_id, to_address, subject, body, digest, created_at, attempts, next_attempt_at, last_error, sent_at, failed_at, calendar "
            + "FROM outbox ";


    /** Who a notification goes to, with what their email needs. */
    record Recipient(long id, String email, String locale) {
    }

    @SqlQuery("SELECT member_id FROM organisation_staff WHERE organisation_id = :organisationId ORDER BY member_id")
    List<Long> staff(long organisationId);

    @SqlQuery("SELECT id, email, locale FROM member WHERE id = :id")
    Optional<Recipient> recipient(long id);

    /** A member told of an event: where to write, in which language, and how they chose to hear of this kind. */
    record Addressee(long id, String email, String locale, Delivery delivery) {
    }

    @SqlQuery("""
            SELECT m.id, m.email, m.locale, coalesce(p.delivery, :fallback) AS delivery FROM member m
            LEFT JOIN notification_preference p ON p.member_id = m.id AND p.kind = :kind
            WHERE m.id IN (<ids>) ORDER BY m.id""")
    List<Addressee> addressees(NotificationKind kind, Delivery fallback, @BindList("ids") List<Long> ids);

    @SqlBatch("""
            INSERT INTO notification (member_id, kind, actor_name, subject, detail_key, link, challenge_id, created_at)
            VALUES (:memberId, :kind, :actor, :subject, :detail, :link, :challengeId, :now)""")
    void insertAll(@Bind("memberId") List<Long> memberIds, NotificationKind kind, String actor, String subject,
                   @Bind("detail") String detailKey, String link, Long challengeId, Instant now);

    @SqlQuery("SELECT challenge_id FROM contribution WHERE id = :contributionId")
    Optional<Long> challengeOfContribution(long contributionId);

    @SqlBatch("""
            INSERT INTO outbox (member_id, to_address, subject, body, digest, created_at, next_attempt_at)
            VALUES (:id, :email, :subject, :body, :digest, :now, :now)""")
    void queueAll(@BindMethods List<Addressee> to, @Bind("subject") List<String> subjects, @Bind("body") List<String> bodies,
                  @Bind("digest") List<Boolean> digests, Instant now);

    @SqlUpdate("""
            INSERT INTO notification (member_id, kind, actor_name, subject, detail_key, link, created_at)
            VALUES (:memberId, :kind, :actor, :subject, :detail, :link, :now)""")
    void insert(long memberId, NotificationKind kind, String actor,
                String subject, @Bind("detail") String detailKey, String link, Instant now);

    @SqlQuery("SELECT delivery FROM notification_preference WHERE member_id = :memberId AND kind = :kind")
    Optional<Delivery> delivery(long memberId, NotificationKind kind);

    @SqlQuery("SELECT kind, delivery FROM notification_preference WHERE member_id = :memberId")
    @KeyColumn("kind")
    @ValueColumn("delivery")
    Map<NotificationKind, Delivery> deliveries(long memberId);

    @SqlUpdate("""
            INSERT INTO notification_preference (member_id, kind, delivery) VALUES (:memberId, :kind, :delivery)
            ON CONFLICT (member_id, kind) DO UPDATE SET delivery = excluded.delivery""")
    void choose(long memberId, NotificationKind kind, Delivery delivery);

    @SqlQuery("""
            SELECT n.id, n.kind, n.actor_name, n.subject, n.detail_key, n.link, n.created_at, n.read_at, n.challenge_id, c.title AS challenge_title
            FROM notification n LEFT JOIN challenge c ON c.id = n.challenge_id
            WHERE n.member_id = :memberId ORDER BY n.id DESC LIMIT :limit OFFSET :offset""")
    List<Notification> page(long memberId, int limit, long offset);

    @SqlQuery("SELECT count(*) FROM notification WHERE member_id = :memberId")
    long count(long memberId);

    @SqlQuery("SELECT link FROM notification WHERE id = :id AND member_id = :memberId")
    Optional<String> link(long id, long memberId);

    @SqlUpdate("UPDATE notification SET read_at = :now WHERE id = :id AND member_id = :memberId AND read_at IS NULL")
    void markRead(long id, long memberId, Instant now);

    @SqlUpdate("UPDATE notification SET read_at = :now WHERE member_id = :memberId AND read_at IS NULL")
    void markAllRead(long memberId, Instant now);

    @SqlUpdate("""
            INSERT INTO outbox (member_id, to_address, subject, body, digest, created_at, next_attempt_at)
            VALUES (:memberId, :to, :subject, :body, :digest, :now, :now)""")
    void queue(Long memberId, String to, String subject, String body,
               boolean digest, Instant now);

    @SqlUpdate("""
            INSERT INTO outbox (member_id, to_address, subject, body, digest, created_at, next_attempt_at, calendar)
            VALUES (:memberId, :to, :subject, :body, :digest, :now, :now, :calendar)""")
    void invite(long memberId, String to, String subject, String body, boolean digest, String calendar, Instant now);

    @SqlQuery(OUTBOX + """
             WHERE sent_at IS NULL AND failed_at IS NULL AND digest = 0 AND next_attempt_at <= :now ORDER BY id LIMIT :limit <skipLocked>""")
    List<OutboxEmail> due(Instant now, int limit);

    @SqlUpdate("UPDATE outbox SET next_attempt_at = :until WHERE id IN (<ids>)")
    void hold(@BindList("ids") List<Long> ids, Instant until);

    /**
     * The emails due now, held until {@code until} for the sender that takes them: no other sender sees them as due
     * before then, and if this one dies before it marks them sent, they fall due again then.
     */
    default List<OutboxEmail> take(Instant now, Instant until, int limit) {
        var due = due(now, limit);
        if (!due.isEmpty()) hold(due.stream().map(OutboxEmail::id).toList(), until);
        return due;
    }

    @SqlQuery(OUTBOX + """
             WHERE logged_at IS NULL AND sent_at IS NULL AND digest = 0 ORDER BY id LIMIT :limit""")
    List<OutboxEmail> unlogged(int limit);

    @SqlUpdate("UPDATE outbox SET logged_at = :now WHERE id IN (<ids>)")
    void logged(@BindList("ids") List<Long> ids, Instant now);

    /** The emails not yet written to the log, marked as written: each is logged once, whichever instance takes it. */
    default List<OutboxEmail> takeForLog(Instant now, int limit) {
        var emails = unlogged(limit);
        if (!emails.isEmpty()) logged(emails.stream().map(OutboxEmail::id).toList(), now);
        return emails;
    }

    @SqlQuery(OUTBOX + """
             WHERE sent_at IS NULL AND digest = 1 AND to_address IN (
                SELECT to_address FROM outbox WHERE sent_at IS NULL AND digest = 1 GROUP BY to_address HAVING min(created_at) <= :dueBefore)
            ORDER BY member_id, id""")
    List<OutboxEmail> waitingForDigest(Instant dueBefore);

    @SqlQuery(OUTBOX + """
             ORDER BY id DESC LIMIT :limit""")
    List<OutboxEmail> recent(int limit);

    /** @return 1 the first time, 0 if it was already marked: an email is marked sent once */
    @SqlUpdate("UPDATE outbox SET sent_at = :now, attempts = attempts + 1 WHERE id = :id AND sent_at IS NULL")
    int sent(long id, Instant now);

    @SqlUpdate("UPDATE outbox SET attempts = attempts + 1, next_attempt_at = :next, last_error = :error WHERE id = :id")
    void failed(long id, Instant next, String error);

    /** The mail server refused the address itself: trying again would never help. */
    @SqlUpdate("UPDATE outbox SET attempts = attempts + 1, failed_at = :now, last_error = :error WHERE id = :id")
    void failedForGood(long id, Instant now, String error);
}
