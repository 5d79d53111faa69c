package app.atelier.reward.wallet;

import app.atelier.organisation.Organisation;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

@RegisterConstructorMapper(Organisation.class)
@RegisterConstructorMapper(WalletService.ChallengeCost.class)
@RegisterConstructorMapper(WaitingEntry.class)
interface WalletDao {
    /**
     * Each challenge of the organisation with what its wallet put into it (prize pools, royalties, marketplace
     * prices, less what came back) and what its pool and its offers' holds still hold.
     */
    @SqlQuery("""
            SELECT c.id AS challenge_id, c.title,
                   -coalesce((SELECT sum(p.amount) FROM ledger_posting p JOIN ledger_transaction t ON t.id = p.transaction_id
                              JOIN ledger_account a ON a.id = p.account_id
                              WHERE a.kind = 'WALLET' AND a.owner_id = c.organisation_id AND a.currency = :currency
                              AND ((t.cause_type = 'challenge' AND t.cause_id = c.id)
                                   OR (t.cause_type = 'contribution' AND t.cause_id IN (SELECT k.id FROM contribution k WHERE k.challenge_id = c.id))
                                   OR (t.cause_type = 'task' AND t.cause_id IN (SELECT x.id FROM market_task x WHERE x.challenge_id = c.id)))), 0) AS spent,
                   coalesce((SELECT sum(a.balance) FROM ledger_account a WHERE a.currency = :currency AND ((a.kind = 'ESCROW' AND a.owner_id = c.id)
                             OR (a.kind = 'OFFER' AND a.owner_id IN (SELECT o.id FROM market_offer o WHERE o.challenge_id = c.id)))), 0) AS held
            FROM challenge c WHERE c.organisation_id = :organisationId ORDER BY c.id DESC""")
    List<WalletService.ChallengeCost> costs(long organisationId, String currency);

    @SqlQuery("SELECT id, name, description, created_at, logo FROM organisation WHERE id = :organisationId")
    Organisation organisation(long organisationId);

    @SqlQuery("SELECT id, name, description, created_at, logo FROM organisation ORDER BY name, id LIMIT 2000")
    List<Organisation> organisations();

    /** Keeps an entry no wallet matched, once: the same entry in another statement changes nothing. */
    @SqlUpdate("""
            INSERT INTO bank_entry (reference, amount, currency, booked_on, counterparty, information, imported_at, state)
            VALUES (:reference, :amount, :currency, :bookedOn, :counterparty, :information, :now, 'WAITING') ON CONFLICT (reference) DO NOTHING""")
    int keep(String reference, long amount, String currency, String bookedOn, String counterparty, String information, Instant now);

    @SqlQuery("SELECT reference, amount, currency, booked_on, counterparty, information, imported_at FROM bank_entry WHERE state = 'WAITING' ORDER BY imported_at, reference LIMIT 500")
    List<WaitingEntry> waiting();

    @SqlQuery("SELECT reference, amount, currency, booked_on, counterparty, information, imported_at FROM bank_entry WHERE reference = :reference AND state = 'WAITING'")
    Optional<WaitingEntry> waiting(String reference);

    @SqlUpdate("""
            UPDATE bank_entry SET state = :state, organisation_id = :organisationId, settled_by = :by, settled_at = :now
            WHERE reference = :reference AND state = 'WAITING'""")
    int settle(String reference, String state, Long organisationId, long by, Instant now);
}
