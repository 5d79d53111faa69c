package app.atelier.reward.market;

import app.atelier.reward.plan.PlanTerms;
import java.time.Instant;

/**
 * A piece of work posted on a challenge for its contributors to apply for: at a fixed price, or (price null) paid
 * what the organisation wishes within {@code reflectionDays} of receiving it, perhaps in a suggested range.
 */
public record Task(long id, long challengeId, String challengeTitle, String title, String brief, Long price, String currency, String state,
                   Instant createdAt, Integer reflectionDays, Long suggestedLow, Long suggestedHigh) {
    public boolean open() {
        return "OPEN".equals(state);
    }

    public PlanTerms.Reflection reflection() {
        return PlanTerms.Reflection.of(reflectionDays, suggestedLow, suggestedHigh);
    }
}
