package app.atelier.ledger;

import java.math.BigDecimal;
import java.util.Currency;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Amounts as people type them, read into whole minor units. French writes {@code 1 234,56} (or {@code 1.234,56}),
 * English {@code 1,234.56}; a bare {@code 12}, or {@code 12,5} in French, is read too. Nothing is guessed: a text that is not
 * an amount in the person's language is refused, never rounded.
 */
public final class Amounts {
    /** The largest amount anyone may type: a hundred million in major units. */
    public static final long MAX_MAJOR = 100_000_000L;

    private static final Pattern SPACES = Pattern.compile("[\\s\\u00a0\\u202f']");

    private Amounts() {
    }

    /** A rate in basis points as people read it, in percent: 250 is 2.5. */
    public static BigDecimal percent(long basisPoints) {
        return BigDecimal.valueOf(basisPoints, 2).stripTrailingZeros();
    }

    /** The amount in minor units, or empty when the text is not an amount (negative, malformed, too many decimals). */
    public static Optional<Long> parse(String text, Locale locale, String currency) {
        if (text == null) return Optional.empty();
        int digits = Currency.getInstance(currency).getDefaultFractionDigits();
        char decimal = "fr".equals(locale.getLanguage()) ? ',' : '.';
        char group = decimal == ',' ? '.' : ',';
        String plain = SPACES.matcher(text.strip()).replaceAll(String.valueOf(group));
        String g = Pattern.quote(String.valueOf(group));
        String d = Pattern.quote(String.valueOf(decimal));
        // Group separators only between groups of three digits: "12,5" in English is not 125.
        if (!plain.matches("(\\d{1,3}(" + g + "\\d{3})+|\\d{1,12})(" + d + "\\d+)?")) return Optional.empty();
        plain = plain.replace(String.valueOf(group), "");
        int point = plain.indexOf(decimal);
        String whole = point < 0 ? plain : plain.substring(0, point);
        String fraction = point < 0 ? "" : plain.substring(point + 1);
        if (fraction.length() > digits || whole.length() > 12) return Optional.empty();
        long minor = Math.addExact(Math.multiplyExact(Long.parseLong(whole), pow10(digits)),
                fraction.isEmpty() ? 0 : Long.parseLong(fraction) * pow10(digits - fraction.length()));
        return minor > MAX_MAJOR * pow10(digits) ? Optional.empty() : Optional.of(minor);
    }

    private static long pow10(int n) {
        long p = 1;
        for (int i = 0; i < n; i++) p *= 10;
        return p;
    }
}
