package app.atelier.reward.wallet;

import app.atelier.db.Database;
import app.atelier.ledger.Account;
import app.atelier.ledger.Ledger;
import app.atelier.ledger.LedgerCsv;
import app.atelier.ledger.LedgerLine;
import app.atelier.reward.royalty.MyShare;
import app.atelier.reward.royalty.RoyaltyService;
import app.atelier.web.Paged;
import app.atelier.web.Text;
import app.atelier.web.Viewer;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;

/** What a member earned: the balance, every movement with its fee, their royalty shares, and a statement a month. */
public final class EarningsService {
    static final int LINES_PER_PAGE = 25;

    private final Database db;
    private final Ledger ledger;

    public EarningsService(Database db, Ledger ledger) {
        this.db = db;
        this.ledger = ledger;
    }

    /** A member's earnings: what they hold in each currency, and every transaction that moved it. */
    public record Earnings(long balance, String currency, Paged<LedgerLine> lines, List<MyShare> shares) {
    }

    public String earningsCsv(Viewer viewer, Text text) {
        var account = Account.earnings(viewer.id(), "EUR");
        List<LedgerLine> lines = db.read(h -> ledger.allLines(h, account));
        return LedgerCsv.of(lines, account.currency(), text);
    }

    /** The member's earnings for a month: opening balance, every movement with its fee, closing balance. */
    public Statement statement(Viewer viewer, YearMonth month, ZoneId zone) {
        return db.read(h -> Statement.of(ledger, h, Account.earnings(viewer.id(), "EUR"), month, zone, viewer.name()));
    }

    public Earnings earnings(Viewer viewer, int page) {
        var account = Account.earnings(viewer.id(), "EUR");
        return db.read(h -> new Earnings(ledger.balance(h, account), account.currency(), ledger.lines(h, account, page, LINES_PER_PAGE),
                RoyaltyService.sharesOf(h, viewer.id())));
    }
}
