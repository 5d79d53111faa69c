package app.atelier.reward.plan;

import app.atelier.ledger.Amounts;
import java.math.BigDecimal;

/**
 * What a challenge's reward plan promises: a contest's prize table, a royalty rate in basis points (0 for none),
 * and whether the organisation pays what it wishes after reflecting on the results ({@link Reflection#NONE} if not).
 */
public record PlanTerms(PrizeTable prizes, int royaltyBp, Reflection reflection) {
    /** Pay what you wish: within {@code days} of the decision, an amount the organisation chooses, perhaps in a suggested range (null ends). */
    public record Reflection(int days, Long low, Long high) {
        public static final Reflection NONE = new Reflection(0, null, null);
        public static final int DEFAULT_DAYS = 7;
        public static final int MOST_DAYS = 60;

        /** The terms as stored: no days, no promise. */
        public static Reflection of(Integer days, Long low, Long high) {
            return days == null ? NONE : new Reflection(days, low, high);
        }

        public boolean promised() {
            return days > 0;
        }
    }

    public boolean royalty() {
        return royaltyBp > 0;
    }

    /** The rate as people read it: 250 basis points are 2.5 %. */
    public BigDecimal royaltyPercent() {
        return Amounts.percent(royaltyBp);
    }
}
