package app.atelier.reward.wallet;

import java.util.List;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Define;
import org.jdbi.v3.sqlobject.statement.SqlQuery;

/**
 * Every commitment against the hold it has: a contest's pool is owed from its opening until it is settled or
 * cancelled, an offer's price from acceptance until it is paid or refunded, a session's most while booked or
 * running and its bill once ended, until paid; a finished commitment owes nothing, so its hold must be empty.
 * Anything listed is money no commitment explains, or a commitment without its money; normally nothing is.
 */
@RegisterConstructorMapper(HoldCheck.Unexplained.class)
public interface HoldCheck {
    /** A commitment whose hold does not have what it owes. */
    record Unexplained(String kind, long ownerId, String currency, long balance, long owed) {
    }

    /** Every organisation's commitments. */
    default List<Unexplained> unexplained() {
        return unexplained("organisation_id > :organisationId", 0);
    }

    /** One organisation's commitments. */
    default List<Unexplained> unexplained(long organisationId) {
        return unexplained("organisation_id = :organisationId", organisationId);
    }

    /** @param scope a condition on a challenge's or a session's organisation, one of the two above */
    @SqlQuery("""
            SELECT kind, owner_id, currency, balance, owed FROM (
                SELECT 'ESCROW' AS kind, c.id AS owner_id, coalesce(a.currency, o.currency) AS currency, coalesce(a.balance, 0) AS balance,
                       CASE WHEN EXISTS (SELECT 1 FROM ledger_transaction t WHERE t.idempotency_key = 'challenge:' || c.id || ':fund')
                             AND NOT EXISTS (SELECT 1 FROM ledger_transaction t WHERE t.idempotency_key IN
                                 ('challenge:' || c.id || ':settle', 'challenge:' || c.id || ':cancel'))
                            THEN coalesce((SELECT sum(r.amount) FROM reward_prize r WHERE r.challenge_id = c.id), 0)
                                 + coalesce((SELECT p.mentions * p.mention_amount FROM reward_plan p WHERE p.challenge_id = c.id), 0)
                            ELSE 0 END AS owed
                FROM challenge c JOIN organisation o ON o.id = c.organisation_id
                LEFT JOIN ledger_account a ON a.kind = 'ESCROW' AND a.owner_id = c.id
                WHERE <scope>
                UNION ALL
                SELECT 'OFFER', f.id, f.currency, coalesce(a.balance, 0),
                       CASE WHEN f.state IN ('ACCEPTED', 'DELIVERED', 'REJECTED', 'DISPUTED') THEN coalesce(f.price, 0) + (coalesce(f.price, 0) * coalesce(f.price_vat_bp, 0) + 5000) / 10000 ELSE 0 END
                FROM market_offer f JOIN challenge c ON c.id = f.challenge_id
                LEFT JOIN ledger_account a ON a.kind = 'OFFER' AND a.owner_id = f.id
                WHERE <scope>
                UNION ALL
                SELECT 'HOLD', s.id, s.currency, coalesce(a.balance, 0),
                       CASE WHEN s.state IN ('BOOKED', 'RUNNING') THEN s.held + (s.held * s.price_vat_bp + 5000) / 10000
                            WHEN s.state IN ('ENDED', 'DISPUTED') THEN coalesce(s.billed, 0) + (coalesce(s.billed, 0) * s.price_vat_bp + 5000) / 10000 ELSE 0 END
                FROM expert_session s LEFT JOIN ledger_account a ON a.kind = 'HOLD' AND a.owner_id = s.id
                WHERE <scope>) hold
            WHERE balance <> owed ORDER BY kind, owner_id""")
    List<Unexplained> unexplained(@Define("scope") String scope, long organisationId);
}
