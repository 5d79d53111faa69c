package app.atelier.bank;

import app.atelier.web.Errors;
import java.util.Locale;
import org.iban4j.BicFormatException;
import org.iban4j.BicUtil;
import org.iban4j.IbanFormatException;
import org.iban4j.IbanUtil;
import org.iban4j.InvalidCheckDigitException;
import org.iban4j.UnsupportedCountryException;

/**
 * An account money is sent to: its IBAN and BIC in their electronic form (capitals, no spaces), and its holder's
 * name. The IBAN's check digits and its country's length and format are checked with iban4j; a BIC is asked only
 * outside the SEPA countries' IBAN-only rule, and checked when given.
 */
public record BankAccount(String iban, String bic, String holder) {
    static final int HOLDER_MAX = 70;

    /** As typed, in any case, with any spaces: what a bank's statement or a card shows. */
    public static BankAccount typed(String iban, String bic, String holder) {
        return new BankAccount(compact(iban), compact(bic), holder == null ? "" : holder.strip());
    }

    private static String compact(String value) {
        return value == null ? "" : value.replaceAll("\\s+", "").toUpperCase(Locale.ROOT);
    }

    /** The IBAN in groups of four, as people read it. */
    public String ibanForPeople() {
        return iban.replaceAll("(.{4})(?!$)", "$1 ");
    }

    /** What is wrong with it, each beside its field; the holder's name as a SEPA transfer carries it (70 characters, Latin script). */
    public Errors errors() {
        var errors = Errors.none().text("holder", holder, HOLDER_MAX);
        if (!holder.isEmpty() && !holder.matches("[\\p{IsLatin}0-9 .,'’()/+&-]+")) errors.add("holder", "bank.holderCharacters");
        String ibanProblem = ibanProblem(iban);
        if (ibanProblem != null) errors.add("iban", ibanProblem);
        if (!bic.isEmpty()) {
            try {
                BicUtil.validate(bic);
            } catch (BicFormatException | UnsupportedCountryException e) {
                errors.add("bic", "bank.bicFormat");
            }
        }
        return errors;
    }

    /** The message key of what is wrong with an IBAN, or null when it is one. */
    static String ibanProblem(String iban) {
        if (iban.isEmpty()) return "error.required";
        try {
            IbanUtil.validate(iban);
            return null;
        } catch (InvalidCheckDigitException e) {
            return "bank.ibanCheckDigits";
        } catch (UnsupportedCountryException e) {
            return "bank.ibanCountry";
        } catch (IbanFormatException e) {
            return switch (e.getFormatViolation()) {
                case BBAN_LENGTH -> "bank.ibanLength";
                case BBAN_ONLY_DIGITS, BBAN_ONLY_UPPER_CASE_LETTERS, BBAN_ONLY_DIGITS_OR_LETTERS, IBAN_VALID_CHARACTERS, CHECK_DIGIT_ONLY_DIGITS -> "bank.ibanCharacters";
                case COUNTRY_CODE_EXISTS, COUNTRY_CODE_TWO_LETTERS, COUNTRY_CODE_UPPER_CASE_LETTERS -> "bank.ibanCountry";
                default -> "bank.ibanFormat";
            };
        }
    }
}
