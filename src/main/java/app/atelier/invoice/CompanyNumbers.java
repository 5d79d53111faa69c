package app.atelier.invoice;

import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The numbers that name a company on an invoice, and how each is checked: a French SIREN by its Luhn check digit, a
 * French VAT number by the key computed from its SIREN, another EU VAT number by its country's format.
 */
public final class CompanyNumbers {
    /** The member states, by the ISO code of their addresses. */
    public static final Set<String> EU = Set.of("AT", "BE", "BG", "CY", "CZ", "DE", "DK", "EE", "ES", "FI", "FR", "GR", "HR", "HU", "IE", "IT", "LT",
            "LU", "LV", "MT", "NL", "PL", "PT", "RO", "SE", "SI", "SK");

    /** Each state's VAT number after its prefix (Greece writes EL), as the Commission's VIES describes them. */
    private static final Map<String, Pattern> VAT_FORMATS = Map.ofEntries(Map.entry("AT", Pattern.compile("U\\d{8}")),
            Map.entry("BE", Pattern.compile("[01]\\d{9}")), Map.entry("BG", Pattern.compile("\\d{9,10}")), Map.entry("CY", Pattern.compile("\\d{8}[A-Z]")),
            Map.entry("CZ", Pattern.compile("\\d{8,10}")), Map.entry("DE", Pattern.compile("\\d{9}")), Map.entry("DK", Pattern.compile("\\d{8}")),
            Map.entry("EE", Pattern.compile("\\d{9}")), Map.entry("EL", Pattern.compile("\\d{9}")), Map.entry("ES", Pattern.compile("[A-Z0-9]\\d{7}[A-Z0-9]")),
            Map.entry("FI", Pattern.compile("\\d{8}")), Map.entry("FR", Pattern.compile("\\d{2}\\d{9}")), Map.entry("HR", Pattern.compile("\\d{11}")),
            Map.entry("HU", Pattern.compile("\\d{8}")), Map.entry("IE", Pattern.compile("\\d[A-Z0-9+*]\\d{5}[A-W][A-I]?")),
            Map.entry("IT", Pattern.compile("\\d{11}")), Map.entry("LT", Pattern.compile("\\d{9}|\\d{12}")), Map.entry("LU", Pattern.compile("\\d{8}")),
            Map.entry("LV", Pattern.compile("\\d{11}")), Map.entry("MT", Pattern.compile("\\d{8}")), Map.entry("NL", Pattern.compile("\\d{9}B\\d{2}")),
            Map.entry("PL", Pattern.compile("\\d{10}")), Map.entry("PT", Pattern.compile("\\d{9}")), Map.entry("RO", Pattern.compile("\\d{2,10}")),
            Map.entry("SE", Pattern.compile("\\d{12}")), Map.entry("SI", Pattern.compile("\\d{8}")), Map.entry("SK", Pattern.compile("\\d{10}")));

    private CompanyNumbers() {
    }

    /** Spaces, dots and dashes people type inside numbers, taken out; letters in capitals. */
    public static String compact(String typed) {
        return typed.replaceAll("[\\s.\\-]", "").toUpperCase(Locale.ROOT);
    }

    /** Nine digits whose Luhn sum is a multiple of ten. */
    public static boolean isSiren(String siren) {
        if (!siren.matches("\\d{9}")) return false;
        int sum = 0;
        for (int i = 0; i < 9; i++) {
            int digit = siren.charAt(8 - i) - '0';
            if (i % 2 == 1) digit = digit * 2 > 9 ? digit * 2 - 9 : digit * 2;
            sum += digit;
        }
        return sum % 10 == 0;
    }

    /** The French VAT number of a SIREN: FR, its two-digit key, the SIREN. */
    public static String frenchVat(String siren) {
        long key = (12 + 3 * (Long.parseLong(siren) % 97)) % 97;
        return String.format(Locale.ROOT, "FR%02d%s", key, siren);
    }

    /** The prefix a VAT number of this country starts with. */
    public static String vatPrefix(String country) {
        return country.equals("GR") ? "EL" : country;
    }

    /** Whether a VAT number (compacted) has its country's prefix and format. */
    public static boolean isVatNumber(String vat, String country) {
        String prefix = vatPrefix(country);
        var format = VAT_FORMATS.get(prefix);
        return format != null && vat.startsWith(prefix) && format.matcher(vat.substring(prefix.length())).matches();
    }

    /** Whether every letter of a text is written in the Latin script, as invoices here are read and filed. */
    public static boolean latin(String text) {
        return text.codePoints().filter(Character::isLetter).allMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.LATIN);
    }
}
