package app.atelier.reward.wallet;

import java.time.Instant;

/** Payouts sent to the bank together as one SEPA credit transfer file, kept as sent; confirmed once the bank paid them. */
public record PayoutBatch(long id, String messageId, Instant createdAt, int payouts, long total, String file, Instant confirmedAt) {
}
