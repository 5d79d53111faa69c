package app.atelier.reward.market;

import app.atelier.db.Database;
import app.atelier.ledger.Event;
import app.atelier.ledger.Hold;
import app.atelier.ledger.Ledger;
import java.util.List;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.slf4j.LoggerFactory;

/**
 * Before each commitment had a hold of its own, an accepted offer's price went into its challenge's escrow beside the
 * contest's pool, where a cancellation or a contest's settlement could sweep it away. At start, each price still owed
 * is moved from that escrow into the offer's own hold; what the escrow no longer has is taken again from the wallet
 * it was swept into, as far as the wallet goes. Each move has its key: done once, then nothing is left to do.
 */
public final class SharedEscrow {
    private SharedEscrow() {
    }

    @RegisterConstructorMapper(Offer.class)
    interface Dao {
        /** Offers whose price is owed and was held in their challenge's escrow, not yet set apart. */
        @SqlQuery(OfferDao.SELECT + " " + """
                 WHERE o.state IN ('ACCEPTED', 'DELIVERED', 'REJECTED', 'DISPUTED') AND o.price IS NOT NULL
                 AND EXISTS (SELECT 1 FROM ledger_transaction t JOIN ledger_posting p ON p.transaction_id = t.id
                             JOIN ledger_account a ON a.id = p.account_id AND a.kind = 'ESCROW'
                             WHERE t.idempotency_key = 'offer:' || o.id || ':hold')
                 AND NOT EXISTS (SELECT 1 FROM ledger_transaction t WHERE t.idempotency_key = 'offer:' || o.id || ':moved')
                 ORDER BY o.id""")
        List<Offer> sharing();
    }

    /** Sets every shared price apart; returns how many. */
    public static int split(Database db, Ledger ledger) {
        return db.write(h -> {
            var offers = h.attach(Dao.class).sharing();
            for (var offer : offers) setApart(h, ledger, offer);
            return offers.size();
        });
    }

    private static void setApart(Handle h, Ledger ledger, Offer offer) {
        var pool = Hold.pool(offer.challengeId(), offer.organisationId(), offer.currency());
        var hold = offer.hold();
        long fromEscrow = Math.min(offer.price(), pool.balance(ledger, h));
        var move = hold.transfer(Hold.Step.SET_APART, Event.HOLD_SET_APART, offer.contributionTitle());
        if (fromEscrow > 0) move.move(pool.account(), hold.account(), fromEscrow);
        long missing = offer.price() - fromEscrow;
        long fromWallet = Math.min(missing, ledger.balance(h, hold.wallet()));
        if (fromWallet > 0) move.move(hold.wallet(), hold.account(), fromWallet);
        if (fromEscrow + fromWallet > 0) hold.fill(ledger, h, move);
        if (missing > fromWallet) {
            LoggerFactory.getLogger(SharedEscrow.class).warn("offer {} is owed {} {} that neither its challenge's escrow nor the wallet holds",
                    offer.id(), offer.price() - fromEscrow - fromWallet, offer.currency());
        }
    }
}
