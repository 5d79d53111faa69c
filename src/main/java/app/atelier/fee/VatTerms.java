package app.atelier.fee;

/**
 * The VAT on one agreement, frozen with it: its case, the rate on the price (what the payee charges) and the rate on
 * the platform's fee, in basis points. Prices are net of VAT: the organisation pays the price and its VAT; the fee,
 * and its VAT, come out of what the payee receives.
 */
public record VatTerms(VatCase vatCase, int priceVatBp, int feeVatBp) {
    /**
     * The terms for a payee of this case, at the rate in force: VAT on the price only when a French registered business
     * is paid; VAT on the fee unless reverse charge applies or the operator itself charges none.
     */
    public static VatTerms of(VatCase vatCase, int rateBp, boolean operatorExempt) {
        return new VatTerms(vatCase, vatCase == VatCase.DOMESTIC ? rateBp : 0, operatorExempt || vatCase == VatCase.REVERSE_CHARGE ? 0 : rateBp);
    }

    /** VAT on an amount, to the nearest cent, half a cent up. */
    public static long vat(long amount, int rateBp) {
        return (Math.multiplyExact(amount, rateBp) + 5_000) / 10_000;
    }
}
