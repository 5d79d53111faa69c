package app.atelier.reward;

import java.util.List;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.statement.SqlQuery;

/**
 * Every hold against what its commitment still owes: a contest's pool from its opening until it is settled or
 * cancelled, an offer's price from acceptance until it is paid or refunded, a session's most while booked or running
 * and its bill once ended, until paid. Anything listed is money no commitment explains; normally nothing is.
 */
@RegisterConstructorMapper(HoldCheck.Unexplained.class)
public interface HoldCheck {
    /** A hold whose balance is not what its commitment owes. */
    record Unexplained(String kind, long ownerId, String currency, long balance, long owed) {
    }

    @SqlQuery("""
            SELECT kind, owner_id, currency, balance, owed FROM (
                SELECT a.kind, a.owner_id, a.currency, a.balance, CASE a.kind
                    WHEN 'ESCROW' THEN (
                        SELECT CASE WHEN EXISTS (SELECT 1 FROM ledger_transaction t WHERE t.idempotency_key = 'challenge:' || a.owner_id || ':fund')
                                     AND NOT EXISTS (SELECT 1 FROM ledger_transaction t WHERE t.idempotency_key IN
                                         ('challenge:' || a.owner_id || ':settle', 'challenge:' || a.owner_id || ':cancel'))
                                    THEN coalesce((SELECT sum(r.amount) FROM reward_prize r WHERE r.challenge_id = a.owner_id), 0)
                                         + coalesce((SELECT p.mentions * p.mention_amount FROM reward_plan p WHERE p.challenge_id = a.owner_id), 0)
                                    ELSE 0 END)
                    WHEN 'OFFER' THEN (
                        SELECT CASE WHEN o.state IN ('ACCEPTED', 'DELIVERED', 'REJECTED', 'DISPUTED') THEN coalesce(o.price, 0) ELSE 0 END
                        FROM market_offer o WHERE o.id = a.owner_id)
                    ELSE (
                        SELECT CASE WHEN s.state IN ('BOOKED', 'RUNNING') THEN s.held WHEN s.state IN ('ENDED', 'DISPUTED') THEN coalesce(s.billed, 0) ELSE 0 END
                        FROM expert_session s WHERE s.id = a.owner_id) END AS owed
                FROM ledger_account a WHERE a.kind IN ('ESCROW', 'OFFER', 'HOLD')) hold
            WHERE balance <> coalesce(owed, 0) ORDER BY kind, owner_id""")
    List<Unexplained> unexplained();
}
