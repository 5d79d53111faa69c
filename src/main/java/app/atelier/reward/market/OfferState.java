package app.atelier.reward.market;

import java.util.Locale;

/**
 * {@code offered -> accepted (price in escrow) -> delivered -> paid}, or {@code declined} by the contributor;
 * a delivery the manager rejects can be {@code disputed}, and an admin then pays it or refunds the organisation.
 * A task paid after reflection is {@code received} instead of approved, and {@code paid} what the organisation wishes.
 */
public enum OfferState {
    OFFERED, DECLINED, ACCEPTED, DELIVERED, RECEIVED, REJECTED, DISPUTED, PAID, REFUNDED;

    public String key() {
        return "offer.state." + name().toLowerCase(Locale.ROOT);
    }
}
