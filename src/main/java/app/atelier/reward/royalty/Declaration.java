package app.atelier.reward.royalty;

import java.time.Instant;

/** Net sales declared for one period, the royalty they gave, and the part of it that went to the reader. */
public record Declaration(long id, String period, long netSales, long royalty, Long transactionId, Instant declaredAt, long yourPart) {
}
