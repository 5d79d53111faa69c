package app.atelier.invoice;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The operator's identity is checked at start, a line for each thing missing; the numbers by their own rules. */
class OperatorTest {
    private static final Map<String, String> COMPLETE = Map.of("ATELIER_OPERATOR_NAME", "Atelier SAS", "ATELIER_OPERATOR_STREET", "1 rue de la Paix",
            "ATELIER_OPERATOR_POSTCODE", "75002", "ATELIER_OPERATOR_CITY", "Paris", "ATELIER_OPERATOR_SIREN", "732 829 320", "ATELIER_OPERATOR_VAT",
            "FR44732829320", "ATELIER_OPERATOR_IBAN", "FR76 3000 4000 0312 3456 7890 143");

    @Test
    void aProductionStartNamesEachMissingItemOnItsOwnLine() {
        var failure = assertThrows(IllegalArgumentException.class, () -> Operator.fromEnvironment(Map.of(), false));
        String message = failure.getMessage();
        for (String variable : new String[] {"ATELIER_OPERATOR_NAME", "ATELIER_OPERATOR_STREET", "ATELIER_OPERATOR_POSTCODE", "ATELIER_OPERATOR_CITY",
            "ATELIER_OPERATOR_SIREN", "ATELIER_OPERATOR_VAT", "ATELIER_OPERATOR_IBAN"}) {
            assertEquals(1, message.lines().filter(line -> line.strip().startsWith(variable + ":")).count(), variable + " in: " + message);
        }
        var wrong = new HashMap<>(COMPLETE);
        wrong.put("ATELIER_OPERATOR_VAT", "FR12732829320");
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Operator.fromEnvironment(wrong, false)).getMessage().contains("ATELIER_OPERATOR_VAT"));
        var operator = Operator.fromEnvironment(COMPLETE, false);
        assertEquals("732829320", operator.party().companyNumber(), "typed with spaces, kept compact");
        assertEquals("FR7630004000031234567890143", operator.account().iban());
        var mistyped = new HashMap<>(COMPLETE);
        mistyped.put("ATELIER_OPERATOR_IBAN", "FR76 3000 4000 0312 3456 7890 144");
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Operator.fromEnvironment(mistyped, false)).getMessage().contains("ATELIER_OPERATOR_IBAN"));
        assertFalse(operator.vatExempt());
        var exempt = new HashMap<>(COMPLETE);
        exempt.put("ATELIER_OPERATOR_VAT", "exempt");
        assertTrue(Operator.fromEnvironment(exempt, false).vatExempt());
        assertEquals(Operator.DEMO, Operator.fromEnvironment(Map.of(), true), "a demo start prints a demo identity");
    }

    @Test
    void numbersAreCheckedByTheirOwnRules() {
        assertTrue(CompanyNumbers.isSiren("732829320"));
        assertFalse(CompanyNumbers.isSiren("732829321"), "the Luhn check digit");
        assertFalse(CompanyNumbers.isSiren("73282932"));
        assertEquals("FR44732829320", CompanyNumbers.frenchVat("732829320"));
        assertTrue(CompanyNumbers.isVatNumber("BE0123456749", "BE"));
        assertTrue(CompanyNumbers.isVatNumber("EL123456789", "GR"), "Greece writes EL");
        assertFalse(CompanyNumbers.isVatNumber("DE12345678", "DE"));
        assertFalse(CompanyNumbers.isVatNumber("FR44732829320", "BE"), "another country's number");
        assertTrue(CompanyNumbers.latin("Zoë Müller-Łukasiewicz, 12 rue d'Aïn"));
        assertFalse(CompanyNumbers.latin("Тверская"));
    }
}
