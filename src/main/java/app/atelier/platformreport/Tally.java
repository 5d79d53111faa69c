package app.atelier.platformreport;

import java.util.List;

/**
 * A seller's year on the platform, quarter by quarter, as the report gives it: the operations paid (each payment that
 * left an invoice or a statement no credit note cancelled), the consideration paid net of the platform's fees, and the
 * fees it kept, in cents.
 */
public record Tally(List<Quarter> quarters) {
    /** Fewer operations than this and less money than {@link #AMOUNT} in a year, and a seller is not reported. */
    public static final int OPERATIONS = 30;
    public static final long AMOUNT = 2_000_00;

    public record Quarter(int operations, long paid, long fees) {
        static final Quarter NONE = new Quarter(0, 0, 0);

        Quarter plus(Quarter other) {
            return new Quarter(operations + other.operations, paid + other.paid, fees + other.fees);
        }
    }

    public static final Tally NONE = new Tally(List.of(Quarter.NONE, Quarter.NONE, Quarter.NONE, Quarter.NONE));

    public Quarter year() {
        return quarters.stream().reduce(Quarter.NONE, Quarter::plus);
    }

    /** Whether the seller crossed the line: thirty operations, or 2,000.00 € paid. */
    public boolean reportable() {
        var year = year();
        return year.operations() >= OPERATIONS || year.paid() >= AMOUNT;
    }

    Tally plus(int quarter, Quarter more) {
        var sums = new java.util.ArrayList<>(quarters);
        sums.set(quarter, sums.get(quarter).plus(more));
        return new Tally(List.copyOf(sums));
    }
}
