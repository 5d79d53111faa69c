package app.atelier.expert;

import app.atelier.fee.VatCase;
import app.atelier.fee.VatTerms;
import app.atelier.ledger.Hold;
import java.time.Instant;

/**
 * A live session an organisation booked with an expert, with the terms of the booking (rate, free minutes, the
 * platform's fee rate and the VAT terms, all frozen when booked) and how it went. {@code held} and {@code billed} are
 * net of VAT; the hold holds them with their VAT.
 */
public record Session(long id, long organisationId, String organisationName, long expertId, String expertName, long bookedBy, String topic,
                      Instant slotAt, int plannedMinutes, long perMinute, int freeMinutes, String currency, long held, SessionState state,
                      Instant startedAt, Instant endedAt, Long minutesUsed, Long billed, long refunded, String dispute, Integer feeRateBp,
                      VatCase vatCase, int priceVatBp, int feeVatBp) {

    /** The VAT terms frozen when it was booked. */
    public VatTerms vat() {
        return new VatTerms(vatCase, priceVatBp, feeVatBp);
    }

    /** An amount of minutes' cost with the VAT on it: what the organisation pays for it. */
    public long withVat(long cost) {
        return cost + VatTerms.vat(cost, priceVatBp);
    }

    /** The account that holds the most the session may cost, from booking until it is paid or given back. */
    public Hold hold() {
        return Hold.session(id, organisationId, currency);
    }

    /** The bill as of {@code now}: the final one once ended, the running one while it runs. */
    public Bill bill(Instant now) {
        if (startedAt == null) return Bill.of(0, plannedMinutes, freeMinutes, perMinute);
        Instant until = endedAt != null ? endedAt : now;
        return Bill.of(Bill.minutes(until.toEpochMilli() - startedAt.toEpochMilli()), plannedMinutes, freeMinutes, perMinute);
    }
}
