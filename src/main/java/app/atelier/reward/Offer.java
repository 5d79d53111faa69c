package app.atelier.reward;

import app.atelier.ledger.Cause;
import java.time.Instant;

/** A price offered to a contributor for one of their contributions, or for a paid task they were picked for. */
public record Offer(long id, long challengeId, Long contributionId, Long taskId, String contributionTitle, long memberId, String memberName,
                    long organisationId, long price, String currency, OfferState state, String note, long offeredBy, Instant createdAt) {
    /** What the money moves for, on every transaction of this offer. */
    public Cause cause() {
        return taskId != null ? new Cause(Cause.TASK, taskId) : new Cause(Cause.CONTRIBUTION, contributionId);
    }
}
