package app.atelier.ledger;

import app.atelier.web.Csv;
import app.atelier.web.Text;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.util.Currency;
import java.util.List;

/**
 * An account's transactions as CSV for a spreadsheet or an accountant: one line each, what happened written in the
 * reader's language, the amount before the platform's fee, the fee and what reached the account, and the balance
 * after it; amounts with a dot and no grouping whatever the language.
 */
public final class LedgerCsv {
    private LedgerCsv() {
    }

    public static String of(List<LedgerLine> lines, String currency, Text text) {
        var out = new StringWriter();
        rows(new Csv(out).row(HEADER), lines, currency, text);
        return out.toString();
    }

    /** A statement: its opening balance, its movements, its closing balance. */
    public static String of(Ledger.Statement statement, String currency, Text text) {
        int digits = Currency.getInstance(currency).getDefaultFractionDigits();
        var out = new StringWriter();
        var csv = new Csv(out).row(HEADER).row("", "", text.t("statement.opening"), "", "", "", "", "", BigDecimal.valueOf(statement.opening(), digits), currency);
        rows(csv, statement.lines(), currency, text).row("", "", text.t("statement.closing"), "", "", "", "", "", BigDecimal.valueOf(statement.closing(), digits), currency);
        return out.toString();
    }

    private static final Object[] HEADER = {"transaction", "date", "description", "cause", "cause_id", "gross", "fee", "amount", "balance", "currency"};

    private static Csv rows(Csv csv, List<LedgerLine> lines, String currency, Text text) {
        int digits = Currency.getInstance(currency).getDefaultFractionDigits();
        for (var line : lines) {
            csv.row(line.id(), line.createdAt().toString(), text.t(line.event().key(), line.subject()), line.causeType(), line.causeId(),
                    BigDecimal.valueOf(line.gross(), digits), BigDecimal.valueOf(line.fee(), digits), BigDecimal.valueOf(line.amount(), digits),
                    BigDecimal.valueOf(line.balanceAfter(), digits), currency);
        }
        return csv;
    }
}
