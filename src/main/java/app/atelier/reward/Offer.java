package app.atelier.reward;

import java.time.Instant;

/** A price offered for one contribution, to its author. */
public record Offer(long id, long challengeId, long contributionId, String contributionTitle, long memberId, String memberName,
                    long organisationId, long price, String currency, OfferState state, String note, long offeredBy, Instant createdAt) {
}
