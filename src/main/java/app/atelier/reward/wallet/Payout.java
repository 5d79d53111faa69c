package app.atelier.reward.wallet;

import java.time.Instant;

/** A contributor's request to be paid their earnings, open until an admin marks it paid. */
public record Payout(long id, long memberId, String memberName, long amount, String currency, Instant requestedAt, Instant paidAt,
                     String reference) {
}
