package app.atelier.reward;

import app.atelier.db.Database;
import app.atelier.ledger.Account;
import app.atelier.ledger.Amounts;
import app.atelier.ledger.Cause;
import app.atelier.ledger.Ledger;
import app.atelier.ledger.LedgerCheck;
import app.atelier.ledger.LedgerCsv;
import app.atelier.ledger.LedgerLine;
import app.atelier.ledger.Transfer;
import app.atelier.organisation.Organisation;
import app.atelier.organisation.OrganisationAccess;
import app.atelier.web.Errors;
import app.atelier.web.HttpProblem;
import app.atelier.web.Invalid;
import app.atelier.web.Paged;
import app.atelier.web.Viewer;
import java.util.List;
import java.util.Locale;

/** Organisations' wallets: what the platform admin records as deposited, and what each wallet holds and paid. */
public final class WalletService {
    static final int REFERENCE_MAX = 100;

    private final Database db;
    private final Ledger ledger;

    public WalletService(Database db, Ledger ledger) {
        this.db = db;
        this.ledger = ledger;
    }

    public record Wallet(Organisation organisation, long balance, String currency, Paged<LedgerLine> lines, List<ChallengeCost> costs) {
    }

    /** What one challenge cost the organisation so far, and how much of it its escrow still holds. */
    public record ChallengeCost(long challengeId, String title, long spent, long held) {
        public long paidOut() {
            return spent - held;
        }
    }

    /** The wallet and its history, for the organisation's managers (and platform admins). */
    public Wallet wallet(Viewer viewer, long organisationId, int page) {
        return db.read(h -> {
            var access = OrganisationAccess.of(h, viewer, organisationId);
            access.require(access.manages());
            var wallets = h.attach(WalletDao.class);
            var account = Account.wallet(organisationId, h.attach(RewardDao.class).currency(organisationId));
            return new Wallet(wallets.organisation(organisationId), ledger.balance(h, account), account.currency(),
                    ledger.lines(h, account, page, RewardService.LINES_PER_PAGE), wallets.costs(organisationId, account.currency()));
        });
    }

    public String walletCsv(Viewer viewer, long organisationId) {
        return db.read(h -> {
            var access = OrganisationAccess.of(h, viewer, organisationId);
            access.require(access.manages());
            var account = Account.wallet(organisationId, h.attach(RewardDao.class).currency(organisationId));
            return LedgerCsv.of(ledger.allLines(h, account), account.currency());
        });
    }

    /** A deposit form as typed, shown again when refused. */
    public record DepositForm(String organisationId, String amount, String reference) {
        public static DepositForm empty() {
            return new DepositForm("", "", "");
        }
    }

    /**
     * Records money received for an organisation (a bank transfer, a payment provider) into its wallet. The
     * reference is the payment's own: recording the same reference twice records it once.
     */
    public void deposit(Viewer admin, DepositForm form, Locale locale) {
        if (!admin.admin()) throw new HttpProblem.Forbidden();
        var errors = Errors.none().text("reference", form.reference(), REFERENCE_MAX);
        Long organisationId = form.organisationId().strip().matches("\\d{1,18}") ? Long.valueOf(form.organisationId().strip()) : null;
        if (organisationId == null) errors.add("organisationId", "error.choice");
        db.execute(h -> {
            // No such organisation has no currency: the number is refused below.
            String currency = organisationId == null ? "EUR" : h.attach(RewardDao.class).currency(organisationId);
            if (organisationId != null && currency == null) errors.add("organisationId", "error.choice");
            var amount = Amounts.parse(form.amount(), locale, currency == null ? "EUR" : currency);
            if (amount.isEmpty()) errors.add("amount", "error.amount");
            else if (amount.get() == 0) errors.add("amount", "error.amountPositive");
            Invalid.unless(errors);
            ledger.record(h, Transfer.of("deposit:" + organisationId + ":" + form.reference().strip(), "Deposit " + form.reference().strip(),
                    new Cause(Cause.DEPOSIT, organisationId)).move(Account.world(currency), Account.wallet(organisationId, currency), amount.get())
                    .recordedBy(admin.id()));
        });
    }

    /** The platform's fees collected so far, in euros. */
    public long revenue(Viewer admin) {
        if (!admin.admin()) throw new HttpProblem.Forbidden();
        return db.read(h -> ledger.balance(h, Account.revenue("EUR")));
    }

    public LedgerCheck check(Viewer admin) {
        if (!admin.admin()) throw new HttpProblem.Forbidden();
        return db.read(ledger::check);
    }
}
