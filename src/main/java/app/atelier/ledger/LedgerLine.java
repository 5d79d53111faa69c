package app.atelier.ledger;

import java.time.Instant;

/** One transaction as one account sees it: what it was for, and the amount in (positive) or out (negative). */
public record LedgerLine(long id, String description, String causeType, long causeId, Integer feeRateBp, Instant createdAt, long amount) {
}
