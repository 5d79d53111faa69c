package app.atelier.reward.royalty;

import java.math.BigDecimal;

/** A member's share of one challenge's royalty: proposed until the manager fixes it. */
public record MyShare(long challengeId, String title, long weight, long total, boolean fixed) {
    public BigDecimal percent() {
        return total == 0 ? BigDecimal.ZERO : BigDecimal.valueOf(weight * 10_000 / total, 2);
    }
}
