package app.atelier.reward.market;

import app.atelier.fee.VatTerms;
import app.atelier.invoice.Billing;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.statement.GetGeneratedKeys;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

@RegisterConstructorMapper(Offer.class)
@RegisterConstructorMapper(OfferDao.Priced.class)
interface OfferDao {
    String SELECT = """
            SELECT o.id, o.challenge_id, o.contribution_id, o.task_id, coalesce(k.title, t.title) AS contribution_title, o.member_id,
                   m.name AS member_name, c.organisation_id, o.price, o.currency, o.state, o.note, o.offered_by, o.created_at,
                   t.reflection_days, t.suggested_low, t.suggested_high, o.reflection_ends_at, o.message,
                   coalesce(o.fee_rate_bp, (SELECT value FROM platform_setting WHERE name = 'fee_rate_bp')) AS fee_rate_bp,
                   coalesce(o.vat_case, """ + Billing.VAT_CASE + """
            ) AS vat_case, o.price_vat_bp, o.fee_vat_bp, coalesce(""" + Billing.VAT_RATE + """
            , 0) AS vat_rate_bp, """ + Billing.OPERATOR_EXEMPT + """
             AS operator_vat_exempt
            FROM market_offer o LEFT JOIN contribution k ON k.id = o.contribution_id LEFT JOIN market_task t ON t.id = o.task_id
            JOIN member m ON m.id = o.member_id JOIN challenge c ON c.id = o.challenge_id""";

    @SqlUpdate("""
            INSERT INTO market_offer (challenge_id, contribution_id, member_id, price, currency, state, offered_by, created_at, updated_at)
            VALUES (:challengeId, :contributionId, :memberId, :price, :currency, 'OFFERED', :offeredBy, :now, :now)""")
    @GetGeneratedKeys("id")
    long offer(long challengeId, long contributionId, long memberId, long price, String currency, long offeredBy, Instant now);

    @SqlQuery(SELECT + " WHERE o.id = :id")
    Optional<Offer> find(long id);

    @SqlQuery(SELECT + " WHERE o.contribution_id = :contributionId ORDER BY o.id")
    List<Offer> ofContribution(long contributionId);

    /** The challenge's offers on contributions that were not declined, for its page. */
    @SqlQuery(SELECT + " WHERE o.challenge_id = :challengeId AND o.contribution_id IS NOT NULL AND o.state <> 'DECLINED' ORDER BY o.id")
    List<Offer> ofChallenge(long challengeId);

    @SqlQuery(SELECT + " WHERE o.state = 'DISPUTED' ORDER BY o.id")
    List<Offer> disputed();

    @SqlQuery("SELECT count(*) > 0 FROM market_offer WHERE contribution_id = :contributionId AND state NOT IN ('DECLINED', 'REFUNDED')")
    boolean live(long contributionId);

    /** Moves the offer on only from the state it was read in, so two requests at once move it once. */
    @SqlUpdate("UPDATE market_offer SET state = :to, note = CASE WHEN :note = '' THEN note ELSE :note END, updated_at = :now WHERE id = :id AND state = :from")
    int move(long id, OfferState from, OfferState to, String note, Instant now);

    /** The reflection period of a task just received. */
    @SqlUpdate("UPDATE market_offer SET reflection_ends_at = :endsAt WHERE id = :id")
    void reflectUntil(long id, Instant endsAt);

    /** 1 the first time; 0 when it was already paid (a double click, another manager). */
    @SqlUpdate("UPDATE market_offer SET state = 'PAID', price = :amount, message = :message, updated_at = :now WHERE id = :id AND state = 'RECEIVED'")
    int paidAfterReflection(long id, long amount, String message, Instant now);

    /** The contribution a price would be offered for: its challenge, its author and how far it got. */
    record Priced(long challengeId, long authorId, String status) {
    }

    @SqlQuery("SELECT challenge_id, author_id, status FROM contribution WHERE id = :contributionId")
    Optional<Priced> priced(long contributionId);

    /** The fee rate and VAT terms in force as the offer is agreed, kept for its payment whatever changes later. */
    @SqlUpdate("""
            UPDATE market_offer SET fee_rate_bp = :rateBp, vat_case = :vat.vatCase, price_vat_bp = :vat.priceVatBp, fee_vat_bp = :vat.feeVatBp
            WHERE id = :id AND fee_rate_bp IS NULL""")
    void freeze(long id, int rateBp, @BindMethods("vat") VatTerms vat);
}
