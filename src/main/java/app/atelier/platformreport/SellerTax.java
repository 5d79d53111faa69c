package app.atelier.platformreport;

import app.atelier.invoice.CompanyNumbers;
import app.atelier.web.Errors;
import app.atelier.web.Forms;
import io.javalin.http.Context;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * What the yearly report needs of a seller beyond their payee profile: the tax identification number and the country
 * that issued it, and an individual's date of birth ({@code birthDate} as typed, ISO or day/month/year).
 */
public record SellerTax(String birthDate, String taxNumber, String taxCountry) {
    static final int NUMBER_MAX = 20;
    private static final Pattern NUMBER = Pattern.compile("[A-Z0-9./-]{2," + NUMBER_MAX + "}");
    /** The French numéro fiscal: thirteen digits, the first 0 to 3. */
    private static final Pattern FRENCH_NUMBER = Pattern.compile("[0-3][0-9]{12}");
    private static final DateTimeFormatter DAY_FIRST = DateTimeFormatter.ofPattern("dd/MM/uuuu");
    private static final LocalDate EARLIEST = LocalDate.of(1900, 1, 1);

    static SellerTax from(Context ctx) {
        return new SellerTax(Forms.text(ctx, "birthDate"), Forms.text(ctx, "taxNumber").replaceAll("\\s", "").toUpperCase(Locale.ROOT),
                Forms.text(ctx, "taxCountry").toUpperCase(Locale.ROOT));
    }

    /** The date of birth typed, or null when it is empty or no date. */
    LocalDate birthDay() {
        for (var format : new DateTimeFormatter[] {DateTimeFormatter.ISO_LOCAL_DATE, DAY_FIRST}) {
            try {
                return LocalDate.parse(birthDate, format);
            } catch (DateTimeParseException e) {
                // the next format may read it
            }
        }
        return null;
    }

    /**
     * A tax number in its country's format (the French one checked closely, others by their characters and length), an
     * EU country, and for an individual a date of birth between 1900 and sixteen years ago.
     */
    Errors errors(boolean individual, LocalDate today) {
        var errors = Errors.none();
        if (individual) {
            var day = birthDay();
            if (birthDate.isEmpty()) errors.add("birthDate", "error.required");
            else if (day == null) errors.add("birthDate", "tax.birthDateFormat");
            else if (day.isBefore(EARLIEST) || day.isAfter(today.minusYears(16))) errors.add("birthDate", "tax.birthDateRange");
        }
        if (!CompanyNumbers.EU.contains(taxCountry)) errors.add("taxCountry", "error.euCountry");
        if (taxNumber.isEmpty()) errors.add("taxNumber", "error.required");
        else if (taxNumber.length() > NUMBER_MAX) errors.add("taxNumber", "error.tooLong", NUMBER_MAX);
        else if ("FR".equals(taxCountry) && individual && !FRENCH_NUMBER.matcher(taxNumber).matches()) errors.add("taxNumber", "tax.frenchNumber");
        else if (!NUMBER.matcher(taxNumber).matches()) errors.add("taxNumber", "tax.numberFormat");
        return errors;
    }
}
