package app.atelier.reward.market;

import app.atelier.fee.Fee;
import app.atelier.fee.VatCase;
import app.atelier.fee.VatTerms;
import app.atelier.ledger.Cause;
import app.atelier.ledger.Hold;
import app.atelier.reward.plan.PlanTerms;
import java.time.Instant;

/**
 * A price offered to a contributor for one of their contributions, or for a paid task they were picked for. A task
 * paid after reflection has no price until it is paid; its terms are the task's, its period ends at
 * {@code reflectionEndsAt}, and {@code message} is what the organisation wrote with the payment. {@code feeRateBp} is
 * the platform's fee rate frozen when the offer was agreed, and until then the rate in force; its VAT terms likewise
 * ({@code priceVatBp} and {@code feeVatBp} are null until then).
 */
public record Offer(long id, long challengeId, Long contributionId, Long taskId, String contributionTitle, long memberId, String memberName,
                    long organisationId, Long price, String currency, OfferState state, String note, long offeredBy, Instant createdAt,
                    Integer reflectionDays, Long suggestedLow, Long suggestedHigh, Instant reflectionEndsAt, String message, int feeRateBp,
                    VatCase vatCase, Integer priceVatBp, Integer feeVatBp, int vatRateBp, boolean operatorVatExempt) {
    public Fee fee() {
        return new Fee(feeRateBp);
    }

    /** The VAT terms frozen when the offer was agreed; until then, those the payee's profile and the rate table give now. */
    public VatTerms vat() {
        return priceVatBp != null ? new VatTerms(vatCase, priceVatBp, feeVatBp) : VatTerms.of(vatCase, vatRateBp, operatorVatExempt);
    }

    /** The price and its VAT, the platform's fee and its VAT, and what the contributor receives; null while a price paid after reflection is not known. */
    public Fee.Breakdown breakdown() {
        return price == null ? null : fee().breakdown(price, vat());
    }

    /** What the money moves for, on every transaction of this offer. */
    public Cause cause() {
        return taskId != null ? new Cause(Cause.TASK, taskId) : new Cause(Cause.CONTRIBUTION, contributionId);
    }

    /** The account that holds the price from acceptance to payment or refund. */
    public Hold hold() {
        return Hold.offer(id, organisationId, currency, cause());
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
