package app.atelier.expert;

import app.atelier.fee.VatTerms;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.statement.GetGeneratedKeys;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

@RegisterConstructorMapper(ExpertRate.class)
@RegisterConstructorMapper(Session.class)
@RegisterConstructorMapper(ExpertService.Payer.class)
interface ExpertDao {
    @SqlQuery("""
            SELECT o.id, o.name FROM organisation o JOIN organisation_staff s ON s.organisation_id = o.id
            WHERE s.member_id = :memberId AND s.role IN ('OWNER', 'MANAGER') ORDER BY o.name, o.id""")
    List<ExpertService.Payer> payers(long memberId);

    @SqlQuery("SELECT name FROM member WHERE id = :id")
    String name(long id);

    @SqlQuery("SELECT member_id, per_minute, free_minutes, currency, open FROM expert_rate WHERE member_id = :memberId")
    Optional<ExpertRate> rate(long memberId);

    /**
     * Members who take bookings, the latest to set their rate first (a member who leaves takes their rate with them);
     * read from the rates (CROSS JOIN keeps SQLite there first), not from the members: there are few experts among many.
     */
    @SqlQuery("SELECT r.member_id, m.name, r.per_minute, r.free_minutes, r.currency FROM expert_rate r CROSS JOIN member m "
            + "WHERE m.id = r.member_id AND r.open = 1 ORDER BY r.updated_at DESC, r.member_id LIMIT :limit")
    @RegisterConstructorMapper(ExpertService.Listed.class)
    List<ExpertService.Listed> open(int limit);

    @SqlUpdate("""
            INSERT INTO expert_rate (member_id, per_minute, free_minutes, currency, open, updated_at)
            VALUES (:memberId, :perMinute, :freeMinutes, :currency, :open, :now)
            ON CONFLICT (member_id) DO UPDATE SET per_minute = excluded.per_minute, free_minutes = excluded.free_minutes,
                currency = excluded.currency, open = excluded.open, updated_at = excluded.updated_at""")
    void putRate(long memberId, long perMinute, int freeMinutes, String currency, boolean open, Instant now);

    @SqlUpdate("""
            INSERT INTO expert_session (organisation_id, expert_id, booked_by, topic, slot_at, planned_minutes, per_minute, free_minutes,
                                        currency, held, state, created_at, fee_rate_bp, booking_key, vat_case, price_vat_bp, fee_vat_bp)
            VALUES (:organisationId, :expertId, :bookedBy, :topic, :slotAt, :plannedMinutes, :perMinute, :freeMinutes,
                    :currency, :held, 'BOOKED', :now, :feeRateBp, :bookingKey, :vat.vatCase, :vat.priceVatBp, :vat.feeVatBp)""")
    @GetGeneratedKeys("id")
    long book(long organisationId, long expertId, long bookedBy, String topic, Instant slotAt, int plannedMinutes, long perMinute,
              int freeMinutes, String currency, long held, Instant now, int feeRateBp, String bookingKey, @BindMethods("vat") VatTerms vat);

    /** The session a booking form already made, by the one-time key it carried. */
    @SqlQuery("SELECT id FROM expert_session WHERE booked_by = :bookedBy AND booking_key = :bookingKey")
    Optional<Long> booked(long bookedBy, String bookingKey);

    /** Whether the expert, or the organisation, has a session booked or running that meets [from, to). */
    @SqlQuery("""
            SELECT count(*) > 0 FROM expert_session WHERE (expert_id = :expertId OR organisation_id = :organisationId)
            AND state IN ('BOOKED', 'RUNNING') AND slot_at < :to AND slot_at + planned_minutes * 60000 > :from""")
    boolean overlaps(long expertId, long organisationId, Instant from, Instant to);

    String SESSION = """
            SELECT s.id, s.organisation_id, o.name AS organisation_name, s.expert_id, m.name AS expert_name, s.booked_by, s.topic, s.slot_at,
                   s.planned_minutes, s.per_minute, s.free_minutes, s.currency, s.held, s.state, s.started_at, s.ended_at, s.minutes_used,
                   s.billed, s.refunded, s.dispute, s.fee_rate_bp, s.vat_case, s.price_vat_bp, s.fee_vat_bp
            FROM expert_session s JOIN organisation o ON o.id = s.organisation_id JOIN member m ON m.id = s.expert_id""";

    @SqlQuery(SESSION + " WHERE s.id = :id")
    Optional<Session> find(long id);

    /** Where a party to a session is written to, and in which language. */
    record Party(long id, String email, String locale) {
    }

    @SqlQuery("SELECT id, email, locale FROM member WHERE id = :id")
    @RegisterConstructorMapper(Party.class)
    Party party(long id);

    /** The sessions the member gives, and those of the organisations they manage, the latest slot first. */
    @SqlQuery(SESSION + """
             WHERE s.expert_id = :memberId OR s.organisation_id IN
                   (SELECT organisation_id FROM organisation_staff WHERE member_id = :memberId AND role IN ('OWNER', 'MANAGER'))
            ORDER BY s.slot_at DESC, s.id DESC LIMIT 100""")
    List<Session> of(long memberId);

    @SqlQuery(SESSION + " WHERE s.state = 'DISPUTED' ORDER BY s.id")
    List<Session> disputed();

    /** Moves a session on; 0 when it was no longer in the state expected (a double click, another instance). */
    @SqlUpdate("UPDATE expert_session SET state = 'RUNNING', started_at = :now WHERE id = :id AND state = 'BOOKED'")
    int start(long id, Instant now);

    @SqlUpdate("""
            UPDATE expert_session SET state = 'ENDED', ended_at = :endedAt, minutes_used = :minutes, billed = :billed
            WHERE id = :id AND state = 'RUNNING'""")
    int end(long id, Instant endedAt, long minutes, long billed);

    @SqlUpdate("UPDATE expert_session SET state = 'DISPUTED', dispute = :reason WHERE id = :id AND state = 'ENDED'")
    int dispute(long id, String reason);

    @SqlUpdate("UPDATE expert_session SET state = 'PAID', refunded = :refunded WHERE id = :id AND state = :from")
    int paid(long id, SessionState from, long refunded);

    @SqlUpdate("UPDATE expert_session SET state = 'EXPIRED' WHERE id = :id AND state = 'BOOKED'")
    int expire(long id);

    @SqlUpdate("UPDATE expert_session SET state = 'CANCELLED' WHERE id = :id AND state = 'BOOKED'")
    int cancel(long id);

    /** Booked sessions whose slot has passed without a start. */
    @SqlQuery("SELECT id FROM expert_session WHERE state = 'BOOKED' AND slot_at + (planned_minutes * 60000) + :margin <= :now <skipLocked>")
    List<Long> neverStarted(Instant now, long margin);

    /** Running sessions past their planned length and the margin. */
    @SqlQuery("SELECT id FROM expert_session WHERE state = 'RUNNING' AND started_at + (planned_minutes * 60000) + :margin <= :now <skipLocked>")
    List<Long> overrunning(Instant now, long margin);

    /** Ended sessions the organisation has neither confirmed nor disputed in time. */
    @SqlQuery("SELECT id FROM expert_session WHERE state = 'ENDED' AND ended_at <= :before <skipLocked>")
    List<Long> unconfirmed(Instant before);
}
