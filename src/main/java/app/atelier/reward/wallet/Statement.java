package app.atelier.reward.wallet;

import app.atelier.ledger.Account;
import app.atelier.ledger.Ledger;
import app.atelier.ledger.LedgerLine;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;
import org.jdbi.v3.core.Handle;

/** One month of an account, an organisation's wallet or a member's earnings: whose, the opening balance, each movement, the closing balance. */
public record Statement(String holder, YearMonth month, String currency, Ledger.Statement period) {
    public long opening() {
        return period.opening();
    }

    public List<LedgerLine> lines() {
        return period.lines();
    }

    public long closing() {
        return period.closing();
    }

    static Statement of(Ledger ledger, Handle h, Account account, YearMonth month, ZoneId zone, String holder) {
        var from = month.atDay(1).atStartOfDay(zone).toInstant();
        var to = month.plusMonths(1).atDay(1).atStartOfDay(zone).toInstant();
        return new Statement(holder, month, account.currency(), ledger.statement(h, account, from, to));
    }
}
