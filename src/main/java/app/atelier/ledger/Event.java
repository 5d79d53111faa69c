package app.atelier.ledger;

import java.util.Locale;

/**
 * What a transaction did, stored as a word of no language; the page or the export writes it in its reader's, with the
 * transaction's subject (a title, a reference, a period) as its one argument.
 */
public enum Event {
    DEPOSIT, POOL_HELD, PRIZES, POOL_RETURNED, PRICE_HELD, PRICE_PAID, PRICE_RETURNED, HOLD_SET_APART, PAID_AFTER_REFLECTION, ROYALTY, PAYOUT, PAYOUT_RETURNED,
    SESSION_HELD, SESSION_RELEASED, SESSION_REFUNDED, SESSION_PAID, OTHER;

    /** The message that writes it: {@code ledger.event.prizes} is "Prizes of {0}". */
    public String key() {
        return "ledger.event." + name().toLowerCase(Locale.ROOT);
    }
}
