package app.atelier.ledger;

import java.time.Instant;

/**
 * One transaction as one account sees it: what happened and to what, the amount in (positive) or out (negative), the
 * balance it left, and for a payment the platform took its fee from, the amount before the fee.
 */
public record LedgerLine(long id, Event event, String subject, String causeType, long causeId, Integer feeRateBp, Instant createdAt, long amount,
                         long gross, long balanceAfter) {
    /** The platform's fee taken on the way: nothing for a line that paid no fee. */
    public long fee() {
        return gross - amount;
    }
}
