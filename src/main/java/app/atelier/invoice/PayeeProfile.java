package app.atelier.invoice;

import app.atelier.fee.VatCase;
import java.time.Instant;

/**
 * How a paid member is named on their documents: a private individual, or a business registered for VAT or under
 * the franchise en base, which has accepted the self-billing mandate.
 */
public record PayeeProfile(long memberId, Kind kind, Regime vatRegime, Party party, Instant mandateAcceptedAt) {
    public enum Kind {
        PRIVATE, BUSINESS;

        /** Its name on the form, and {@code .hint} after it, what it means. */
        public String key() {
            return "payee.kind." + name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    public enum Regime {
        REGISTERED, FRANCHISE;

        public String key() {
            return "payee.regime." + name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /** How VAT applies to what they are paid; the same rule as {@link Billing#VAT_CASE}, which the agreements read. */
    public VatCase vatCase() {
        if (kind == Kind.PRIVATE) return VatCase.PRIVATE;
        if (vatRegime == Regime.FRANCHISE) return VatCase.FRANCHISE;
        return party.french() ? VatCase.DOMESTIC : VatCase.REVERSE_CHARGE;
    }
}
