package app.atelier.ledger;

import app.atelier.web.Csv;
import java.math.BigDecimal;
import java.util.Currency;
import java.util.List;

/**
 * An account's transactions as CSV for a spreadsheet or an accountant: one line each, amounts with a dot and no
 * grouping whatever the reader's language, and text that a spreadsheet would take for a formula made inert.
 */
public final class LedgerCsv {
    private LedgerCsv() {
    }

    public static String of(List<LedgerLine> lines, String currency) {
        int digits = Currency.getInstance(currency).getDefaultFractionDigits();
        var csv = new StringBuilder("transaction,date,description,cause,cause_id,amount,currency\r\n");
        for (var line : lines) {
            csv.append(line.id()).append(',').append(line.createdAt()).append(',').append(Csv.cell(line.description())).append(',')
                    .append(line.causeType()).append(',').append(line.causeId()).append(',')
                    .append(BigDecimal.valueOf(line.amount(), digits).toPlainString()).append(',').append(currency).append("\r\n");
        }
        return csv.toString();
    }
}
