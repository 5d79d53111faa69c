package app.atelier.invoice;

import app.atelier.web.Errors;
import app.atelier.web.Forms;
import io.javalin.http.Context;

/**
 * Who issues or receives a document, as it will be printed: a legal name, an address and, for a company, its number
 * (the SIREN in France) and VAT number. The same fields make an organisation's billing profile and a payee's.
 */
public record Party(String legalName, String street, String postcode, String city, String country, String companyNumber, String vatNumber) {
    static final int NAME_MAX = 200;
    static final int LINE_MAX = 200;

    public static Party empty() {
        return new Party("", "", "", "", "FR", "", "");
    }

    public static Party from(Context ctx) {
        return new Party(Forms.text(ctx, "legalName"), Forms.text(ctx, "street"), Forms.text(ctx, "postcode"), Forms.text(ctx, "city"),
                Forms.text(ctx, "country").toUpperCase(java.util.Locale.ROOT), CompanyNumbers.compact(Forms.text(ctx, "companyNumber")),
                CompanyNumbers.compact(Forms.text(ctx, "vatNumber")));
    }

    public boolean french() {
        return country.equals("FR");
    }

    /**
     * What is wrong with the name and address, and with the numbers given: a French company number must be a SIREN
     * with its check digit, a French VAT number the one its SIREN gives, another EU VAT number in its country's format.
     */
    Errors errors(boolean companyNumberRequired, boolean vatNumberRequired) {
        var errors = Errors.none().text("legalName", legalName, NAME_MAX).text("street", street, LINE_MAX).text("postcode", postcode, 20)
                .text("city", city, LINE_MAX);
        for (var field : new String[][] {{"legalName", legalName}, {"street", street}, {"city", city}}) {
            if (!CompanyNumbers.latin(field[1])) errors.add(field[0], "error.latinScript");
        }
        if (!CompanyNumbers.EU.contains(country)) errors.add("country", "error.euCountry");
        if (companyNumber.isEmpty() && companyNumberRequired) errors.add("companyNumber", "error.required");
        else if (!companyNumber.isEmpty() && french() && !CompanyNumbers.isSiren(companyNumber)) errors.add("companyNumber", "error.siren");
        else if (companyNumber.length() > 30) errors.add("companyNumber", "error.tooLong", 30);
        if (vatNumber.isEmpty()) {
            if (vatNumberRequired) errors.add("vatNumber", "error.required");
        } else if (!CompanyNumbers.isVatNumber(vatNumber, country)) {
            errors.add("vatNumber", "error.vatFormat", CompanyNumbers.vatPrefix(country));
        } else if (french() && CompanyNumbers.isSiren(companyNumber) && !vatNumber.equals(CompanyNumbers.frenchVat(companyNumber))) {
            errors.add("vatNumber", "error.vatSiren", CompanyNumbers.frenchVat(companyNumber));
        }
        return errors;
    }
}
