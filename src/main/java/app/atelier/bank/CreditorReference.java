package app.atelier.bank;

import java.math.BigInteger;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The structured creditor reference (ISO 11649) an organisation puts on its transfers, so that the bank's statement
 * says whose wallet the money is for: {@code RF}, two check digits, and {@code ATO} followed by the organisation's
 * number. The check digits catch a mistyped reference, which then waits for an admin instead of reaching another
 * wallet.
 */
public final class CreditorReference {
    private static final String BODY = "ATO";
    private static final BigInteger NINETY_SEVEN = BigInteger.valueOf(97);
    private static final Pattern IN_TEXT = Pattern.compile("R\\s*F\\s*\\d\\s*\\d\\s*A\\s*T\\s*O\\s*[1-9](?:\\s?\\d)*");

    private CreditorReference() {
    }

    public static String of(long organisationId) {
        return withCheckDigits(BODY + organisationId);
    }

    /** {@code RF}, the check digits of the body, and the body. */
    static String withCheckDigits(String body) {
        return "RF" + String.format(Locale.ROOT, "%02d", 98 - mod97(body + "RF00")) + body;
    }

    /** In groups of four, as it is printed for people to type. */
    public static String forPeople(long organisationId) {
        return of(organisationId).replaceAll("(.{4})(?!$)", "$1 ");
    }

    /**
     * The organisation a reference names, read as a bank passes it on (any case, any spaces): empty when it is no
     * creditor reference of ours, or its check digits do not match.
     */
    public static Optional<Long> organisation(String reference) {
        String compact = reference == null ? "" : reference.replaceAll("\\s+", "").toUpperCase(Locale.ROOT);
        if (!compact.matches("RF\\d{2}" + BODY + "[1-9]\\d{0,15}")) return Optional.empty();
        if (mod97(compact.substring(4) + compact.substring(0, 4)) != 1) return Optional.empty();
        return Optional.of(Long.parseLong(compact.substring(4 + BODY.length())));
    }

    /**
     * The first creditor reference of ours in free text, as a payer may type it into a transfer's message, spaces
     * and all: of the digits that follow, the longest run whose check digits match.
     */
    public static Optional<Long> find(String text) {
        if (text == null) return Optional.empty();
        var found = IN_TEXT.matcher(text.toUpperCase(Locale.ROOT));
        while (found.find()) {
            String candidate = found.group();
            for (int end = candidate.length(); end > 0; end--) {
                if (!Character.isDigit(candidate.charAt(end - 1))) continue;
                var organisation = organisation(candidate.substring(0, end));
                if (organisation.isPresent()) return organisation;
            }
        }
        return Optional.empty();
    }

    /** ISO 7064 MOD 97-10 of letters and digits, each letter as two digits (A = 10 … Z = 35), as IBANs count too. */
    private static int mod97(String text) {
        var digits = new StringBuilder();
        for (char c : text.toCharArray()) digits.append(Character.digit(c, 36));
        return new BigInteger(digits.toString()).mod(NINETY_SEVEN).intValue();
    }
}
