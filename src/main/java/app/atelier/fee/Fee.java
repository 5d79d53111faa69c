package app.atelier.fee;

import app.atelier.ledger.Account;
import app.atelier.ledger.Amounts;
import app.atelier.ledger.Transfer;
import java.math.BigDecimal;

/**
 * The platform's fee at one rate, in basis points: the rate in force when an offer, task, session or plan was agreed,
 * frozen on it, and used for every payment under it. The fee is rounded down to the cent, so the payee never loses
 * the rounding.
 */
public record Fee(int rateBp) {
    /** The highest rate an admin may set: half of what is paid. */
    public static final int MOST_BP = 5_000;

    public long of(long gross) {
        return Math.multiplyExact(gross, rateBp) / 10_000;
    }

    public long net(long gross) {
        return gross - of(gross);
    }

    public BigDecimal percent() {
        return Amounts.percent(rateBp);
    }

    /** Adds to the transfer the payment of {@code gross} from an account to a member: the net to their earnings, the fee to the platform. */
    public Transfer pay(Transfer transfer, Account from, long memberId, long gross) {
        long fee = of(gross);
        transfer.feeRate(rateBp).moveNet(from, Account.earnings(memberId, from.currency()), gross - fee, gross);
        if (fee > 0) transfer.move(from, Account.revenue(from.currency()), fee);
        return transfer;
    }

    /** What a payee reads before they agree: gross, the fee, and what they receive. */
    public record Breakdown(long gross, long fee, long net, BigDecimal percent) {
    }

    public Breakdown breakdown(long gross) {
        return new Breakdown(gross, of(gross), net(gross), percent());
    }
}
