package app.atelier.invoice;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * One document a payment left, as it was issued and will stay: its kind, its number in its issuer's series, both
 * parties as they were that day, its lines, its mentions and its totals in cents; the payment it belongs to (the key of
 * the transfer that settles it) and, for a credit note, the invoice it cancels.
 */
public record Document(long id, Kind kind, String reference, Instant issuedAt, LocalDate dueOn, Party seller, Party buyer, List<Line> lines,
                       List<String> mentions, String currency, long net, long vat, long total, Long organisationId, Long memberId, String payment,
                       Credited credits) {
    /** The invoice a credit note cancels, as EN 16931 refers to it: its number and the day it was issued. */
    public record Credited(long id, String reference, Instant issuedAt) {
    }

    public enum Kind {
        /** Issued by Atelier in the name of a business payee, to the organisation that paid it (type 389). */
        SELF_BILLED_INVOICE("389"),
        /** What a private individual was paid, for both sides; not an invoice. */
        PAYMENT_STATEMENT(null),
        /** The platform's fee, to the party that bears it (type 380). */
        PLATFORM_INVOICE("380"),
        /** A refund, referring to the invoice it corrects (type 381). */
        CREDIT_NOTE("381"),
        /** Money deposited into a wallet, held for the organisation; not a sale. */
        RECEIPT(null);

        /** Its code in EN 16931 (UNTDID 1001), for those that are invoices. */
        public final String code;

        Kind(String code) {
            this.code = code;
        }

        public boolean invoice() {
            return code != null;
        }

        public String key() {
            return "document.kind." + name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /**
     * One line: what was sold, how many of what unit (UN/ECE rec. 20: C62 one, MIN minute) at what unit price, its net
     * amount, and its VAT: the rate, the category (S standard, E exempt, AE reverse charge, O outside the scope) and the
     * reason of an exemption.
     */
    public record Line(String description, String quantity, String unit, long unitPrice, long net, int vatBp, String vatCategory, String exemption) {
    }

    public boolean invoice() {
        return kind.invoice();
    }

    /** How its amounts count in a list that adds them up: a credit note takes away what its invoice brought. */
    public long sign() {
        return kind == Kind.CREDIT_NOTE ? -1 : 1;
    }

    /** The platform's fee invoiced to a payee, or a credit note of one: between the platform and a member alone. */
    public boolean feeToPayee() {
        return organisationId == null && memberId != null;
    }
}
