package app.atelier.reward;

import java.util.Locale;

/**
 * {@code offered -> accepted (price in escrow) -> delivered -> paid}, or {@code declined} by the contributor;
 * a delivery the manager rejects can be {@code disputed}, and an admin then pays it or refunds the organisation.
 */
public enum OfferState {
    OFFERED, DECLINED, ACCEPTED, DELIVERED, REJECTED, DISPUTED, PAID, REFUNDED;

    public String key() {
        return "offer.state." + name().toLowerCase(Locale.ROOT);
    }
}
