package app.atelier.ledger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.atelier.Config;
import app.atelier.web.Text;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class LedgerCsvTest {
    @Test
    void textASpreadsheetWouldRunIsMadeInertAndQuotesAreDoubled() {
        var line = new LedgerLine(7, Event.OTHER, "=HYPERLINK(\"x\")", "deposit", 3, null, Instant.parse("2026-03-02T09:00:00Z"), -123_45, -123_45, 10_00);
        assertEquals("\uFEFF\"transaction\",\"date\",\"description\",\"cause\",\"cause_id\",\"gross\",\"fee\",\"amount\",\"balance\",\"currency\"\r\n"
                + "7,\"2026-03-02T09:00:00Z\",\"'=HYPERLINK(\"\"x\"\")\",\"deposit\",3,-123.45,0.00,-123.45,10.00,\"EUR\"\r\n",
                LedgerCsv.of(List.of(line), "EUR", Text.of(Text.ENGLISH, Config.HOME_ZONE)));
    }

    @Test
    void whatHappenedIsWrittenInTheReadersLanguageWithTheFeeApart() {
        var line = new LedgerLine(8, Event.PRICE_PAID, "Insulated pannier", "contribution", 3, 1500, Instant.parse("2026-03-02T09:00:00Z"), 85_00, 100_00, 85_00);
        String french = LedgerCsv.of(List.of(line), "EUR", Text.of(Text.FRENCH, Config.HOME_ZONE));
        assertTrue(french.contains("\"Prix payé : Insulated pannier\",\"contribution\",3,100.00,15.00,85.00,85.00"), french);
        assertTrue(LedgerCsv.of(List.of(line), "EUR", Text.of(Text.ENGLISH, Config.HOME_ZONE)).contains("Price paid: Insulated pannier"));
    }
}
