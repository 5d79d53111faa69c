package app.atelier.ledger;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class LedgerCsvTest {
    @Test
    void textASpreadsheetWouldRunIsMadeInertAndQuotesAreDoubled() {
        var line = new LedgerLine(7, "=HYPERLINK(\"x\")", "deposit", 3, null, Instant.parse("2026-03-02T09:00:00Z"), -123_45);
        assertEquals("transaction,date,description,cause,cause_id,amount,currency\r\n"
                + "7,2026-03-02T09:00:00Z,\"'=HYPERLINK(\"\"x\"\")\",deposit,3,-123.45,EUR\r\n", LedgerCsv.of(List.of(line), "EUR"));
    }
}
