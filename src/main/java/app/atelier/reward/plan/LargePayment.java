package app.atelier.reward.plan;

import app.atelier.web.Amount;
import app.atelier.web.InWords;
import app.atelier.web.Invalid;
import app.atelier.web.Message;
import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * A payment whose amount the organisation chooses gets a second look when it is far above what it suggested (more
 * than {@value #FAR} times the top of its range) or above the platform's ceiling: the refusal states the amount in
 * words and its ratio to the range, and the person confirms it to pay.
 */
public record LargePayment(long ceiling) {
    static final int FAR = 2;

    /** Refuses the amount, beside {@code field}, unless it is ordinary or {@code confirmed}. */
    public void check(long amount, PlanTerms.Reflection terms, String currency, boolean confirmed, String field) {
        if (confirmed) return;
        Long high = terms.high();
        if (high != null && high > 0 && amount > FAR * high) {
            throw Invalid.of(field, "payment.confirmFar", new Amount(amount, currency), new InWords(amount, currency),
                    BigDecimal.valueOf(amount).divide(BigDecimal.valueOf(high), 1, RoundingMode.HALF_UP), new Amount(high, currency));
        }
        if (amount > ceiling) throw Invalid.of(field, "payment.confirmCeiling", new Amount(amount, currency), new InWords(amount, currency), new Amount(ceiling, currency));
    }

    /** Whether a refusal beside a field is this one, which the form answers by confirming. */
    public static boolean asked(Message message) {
        return message != null && message.key().startsWith("payment.confirm");
    }
}
