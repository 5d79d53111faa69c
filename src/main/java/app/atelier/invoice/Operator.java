package app.atelier.invoice;

import app.atelier.bank.BankAccount;
import java.util.ArrayList;
import java.util.Map;

/**
 * The company that runs this Atelier, as its documents name it: the issuer of its own invoices, statements and
 * receipts. {@code vatExempt}: the operator charges no VAT on its fees (the franchise en base); its invoices then say
 * so. {@code prefix} starts the reference of every document it issues. {@code account}: the bank account
 * organisations pay into, held in its name (or its payment partner's) for them.
 */
public record Operator(Party party, boolean vatExempt, String prefix, BankAccount account) {
    /** The identity a demo start prints on its documents: made up, and valid as numbers go. */
    public static final Operator DEMO = new Operator(new Party("Atelier Démo SAS", "10 rue des Ateliers", "75011", "Paris", "FR", "900000001", "FR68900000001"),
            false, "ATD", BankAccount.typed("FR76 3000 4000 0312 3456 7890 143", "BNPAFRPP", "Atelier Démo SAS"));

    /**
     * Read from {@code ATELIER_OPERATOR_*}; a demo start without them uses {@link #DEMO}. Anything missing or wrong is
     * one line of the message, naming the variable.
     */
    public static Operator fromEnvironment(Map<String, String> env, boolean demo) {
        if (demo && !env.containsKey("ATELIER_OPERATOR_NAME")) return DEMO;
        boolean exempt = env.getOrDefault("ATELIER_OPERATOR_VAT", "").equalsIgnoreCase("exempt");
        var party = new Party(env.getOrDefault("ATELIER_OPERATOR_NAME", ""), env.getOrDefault("ATELIER_OPERATOR_STREET", ""),
                env.getOrDefault("ATELIER_OPERATOR_POSTCODE", ""), env.getOrDefault("ATELIER_OPERATOR_CITY", ""), env.getOrDefault("ATELIER_OPERATOR_COUNTRY", "FR"),
                CompanyNumbers.compact(env.getOrDefault("ATELIER_OPERATOR_SIREN", "")), exempt ? "" : CompanyNumbers.compact(env.getOrDefault("ATELIER_OPERATOR_VAT", "")));
        var account = BankAccount.typed(env.getOrDefault("ATELIER_OPERATOR_IBAN", ""), env.getOrDefault("ATELIER_OPERATOR_BIC", ""), party.legalName());
        var operator = new Operator(party, exempt, env.getOrDefault("ATELIER_OPERATOR_INVOICE_PREFIX", "AT"), account);
        var problems = new ArrayList<String>();
        party.errors(true, !exempt).all().forEach((field, message) -> problems.add(VARIABLES.get(field) + ": " + DESCRIPTIONS.get(field) + " (" + message.key() + ")"));
        account.errors().all().forEach((field, message) -> {
            if (!field.equals("holder")) problems.add(VARIABLES.get(field) + ": " + DESCRIPTIONS.get(field) + " (" + message.key() + ")");
        });
        if (!operator.prefix().matches("[A-Z0-9]{1,8}")) problems.add("ATELIER_OPERATOR_INVOICE_PREFIX: one to eight capital letters or digits, at the start of every document's number");
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException("The platform's identity for its invoices is incomplete; set these and start again:\n  " + String.join("\n  ", problems));
        }
        return operator;
    }

    private static final Map<String, String> VARIABLES = Map.of("legalName", "ATELIER_OPERATOR_NAME", "street", "ATELIER_OPERATOR_STREET", "postcode",
            "ATELIER_OPERATOR_POSTCODE", "city", "ATELIER_OPERATOR_CITY", "country", "ATELIER_OPERATOR_COUNTRY", "companyNumber", "ATELIER_OPERATOR_SIREN",
            "vatNumber", "ATELIER_OPERATOR_VAT", "iban", "ATELIER_OPERATOR_IBAN", "bic", "ATELIER_OPERATOR_BIC");
    private static final Map<String, String> DESCRIPTIONS = Map.of("legalName", "the operator's legal name", "street", "the street of its registered address",
            "postcode", "its postcode", "city", "its city", "country", "its country, as an EU ISO code such as FR", "companyNumber",
            "its company number (the SIREN in France, nine digits with their check digit)", "vatNumber",
            "its VAT number (FR, its key and its SIREN), or 'exempt' under the franchise en base", "iban",
            "the IBAN of the account organisations pay into, in its name or its payment partner's", "bic", "that account's BIC, eight or eleven characters");
}
