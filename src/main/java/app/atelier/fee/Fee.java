package app.atelier.fee;

import app.atelier.ledger.Account;
import app.atelier.ledger.Amounts;
import app.atelier.ledger.Transfer;
import java.math.BigDecimal;

/**
 * The platform's fee at one rate, in basis points: the rate in force when an offer, task, session or plan was agreed,
 * frozen on it, and used for every payment under it. The fee is a share of the price net of VAT, rounded down to the
 * cent, so the payee never loses the rounding.
 */
public record Fee(int rateBp) {
    /** The highest rate an admin may set: half of what is paid. */
    public static final int MOST_BP = 5_000;

    public long of(long price) {
        return Math.multiplyExact(price, rateBp) / 10_000;
    }

    public BigDecimal percent() {
        return Amounts.percent(rateBp);
    }

    /**
     * Adds to the transfer the payment of a price from an account to a member: the price and its VAT leave the account;
     * the fee goes to the platform, the VAT on the fee to the tax account, the rest to the member's earnings.
     */
    public Transfer pay(Transfer transfer, Account from, long memberId, long price, VatTerms vat) {
        var b = breakdown(price, vat);
        transfer.feeRate(rateBp).moveNet(from, Account.earnings(memberId, from.currency()), b.net(), b.paid());
        if (b.fee() > 0) transfer.move(from, Account.revenue(from.currency()), b.fee());
        if (b.feeVat() > 0) transfer.move(from, Account.tax(from.currency()), b.feeVat());
        return transfer;
    }

    /** {@link #pay} for a payment that carries no VAT, such as a contest's prize or a session's minutes. */
    public Transfer pay(Transfer transfer, Account from, long memberId, long gross) {
        return pay(transfer, from, memberId, gross, NO_VAT);
    }

    private static final VatTerms NO_VAT = new VatTerms(VatCase.PRIVATE, 0, 0);

    /**
     * What each side reads before they agree: the price and its VAT, what the organisation pays, the fee and its VAT,
     * and what the payee receives ({@code net}).
     */
    public record Breakdown(long gross, long priceVat, long paid, long fee, long feeVat, long net, BigDecimal percent, VatTerms vat) {
        public boolean anyVat() {
            return priceVat > 0 || feeVat > 0;
        }
    }

    public Breakdown breakdown(long price, VatTerms vat) {
        long priceVat = VatTerms.vat(price, vat.priceVatBp());
        long fee = of(price);
        long feeVat = VatTerms.vat(fee, vat.feeVatBp());
        long paid = price + priceVat;
        return new Breakdown(price, priceVat, paid, fee, feeVat, paid - fee - feeVat, percent(), vat);
    }

    public Breakdown breakdown(long gross) {
        return breakdown(gross, NO_VAT);
    }
}
