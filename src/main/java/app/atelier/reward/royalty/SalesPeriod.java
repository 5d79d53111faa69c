package app.atelier.reward.royalty;

import java.time.LocalDate;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/** A month (2026-03) or a quarter (2026-Q1) of sales, from its first day to the first day after it. */
record SalesPeriod(String name, LocalDate start, LocalDate end) {
    private static final Pattern FORM = Pattern.compile("(\\d{4})-(?:(0[1-9]|1[0-2])|Q([1-4]))");

    /** The period a text names, or empty when it names none. */
    static Optional<SalesPeriod> of(String text) {
        String name = text.strip().toUpperCase(Locale.ROOT);
        var m = FORM.matcher(name);
        if (!m.matches()) return Optional.empty();
        int year = Integer.parseInt(m.group(1));
        boolean month = m.group(2) != null;
        var start = LocalDate.of(year, month ? Integer.parseInt(m.group(2)) : 3 * Integer.parseInt(m.group(3)) - 2, 1);
        return Optional.of(new SalesPeriod(name, start, start.plusMonths(month ? 1 : 3)));
    }

    boolean overlaps(SalesPeriod other) {
        return start.isBefore(other.end) && other.start.isBefore(end);
    }
}
