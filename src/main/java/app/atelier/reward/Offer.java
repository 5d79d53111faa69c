package app.atelier.reward;

import app.atelier.ledger.Cause;
import java.time.Instant;

/**
 * A price offered to a contributor for one of their contributions, or for a paid task they were picked for. A task
 * paid after reflection has no price until it is paid; its terms are the task's, its period ends at
 * {@code reflectionEndsAt}, and {@code message} is what the organisation wrote with the payment.
 */
public record Offer(long id, long challengeId, Long contributionId, Long taskId, String contributionTitle, long memberId, String memberName,
                    long organisationId, Long price, String currency, OfferState state, String note, long offeredBy, Instant createdAt,
                    Integer reflectionDays, Long suggestedLow, Long suggestedHigh, Instant reflectionEndsAt, String message) {
    /** What the money moves for, on every transaction of this offer. */
    public Cause cause() {
        return taskId != null ? new Cause(Cause.TASK, taskId) : new Cause(Cause.CONTRIBUTION, contributionId);
    }

    public boolean afterReflection() {
        return reflectionDays != null;
    }

    public PlanTerms.Reflection reflection() {
        return PlanTerms.Reflection.of(reflectionDays, suggestedLow, suggestedHigh);
    }

    /** Received, and the reflection period over without a payment. */
    public boolean pending(Instant now) {
        return state == OfferState.RECEIVED && !now.isBefore(reflectionEndsAt);
    }
}
