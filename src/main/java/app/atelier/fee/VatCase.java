package app.atelier.fee;

/** How VAT applies to what a payee is paid, decided by their payee profile when the terms are agreed. */
public enum VatCase {
    /** A private individual: a payment statement, no VAT on the payment. */
    PRIVATE,
    /** A French business under the franchise en base: an invoice without VAT, "TVA non applicable, art. 293 B du CGI". */
    FRANCHISE,
    /** A business registered for VAT in France: French VAT on the price. */
    DOMESTIC,
    /** A business registered for VAT in another EU country: no VAT charged, the buyer accounts for it (autoliquidation). */
    REVERSE_CHARGE;

    /** Whether the payee's side of a payment is an invoice (self-billed in their name) rather than a statement. */
    public boolean invoiced() {
        return this != PRIVATE;
    }

    /** What it means for the payee, as the breakdown says it. */
    public String key() {
        return "money.vatCase." + name().toLowerCase(java.util.Locale.ROOT);
    }
}
