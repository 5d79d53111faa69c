package app.atelier.reward.wallet;

import app.atelier.db.Database;
import app.atelier.invoice.Documents;
import app.atelier.ledger.Account;
import app.atelier.ledger.Amounts;
import app.atelier.ledger.Cause;
import app.atelier.ledger.Event;
import app.atelier.ledger.Keys;
import app.atelier.ledger.Ledger;
import app.atelier.ledger.LedgerCheck;
import app.atelier.ledger.LedgerCsv;
import app.atelier.ledger.LedgerLine;
import app.atelier.ledger.Transfer;
import app.atelier.organisation.Organisation;
import app.atelier.organisation.OrganisationAccess;
import app.atelier.reward.plan.PlanDao;
import app.atelier.web.Errors;
import app.atelier.web.HttpProblem;
import app.atelier.web.Invalid;
import app.atelier.web.Paged;
import app.atelier.web.Text;
import app.atelier.web.Viewer;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.jdbi.v3.core.Handle;

/** Organisations' wallets: what the platform admin records as deposited, and what each wallet holds and paid. */
public final class WalletService {
    static final int REFERENCE_MAX = 100;

    private final Database db;
    private final Ledger ledger;
    private final Documents documents;

    public WalletService(Database db, Ledger ledger, Documents documents) {
        this.db = db;
        this.ledger = ledger;
        this.documents = documents;
    }

    /** {@code balance} is what the wallet has available; {@code held}, what the organisation's commitments hold of its money. */
    public record Wallet(Organisation organisation, long balance, long held, String currency, Paged<LedgerLine> lines, List<ChallengeCost> costs) {
    }

    /** What one challenge cost the organisation so far, and how much of it its pool and offers still hold. */
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
            var account = Account.wallet(organisationId, h.attach(PlanDao.class).currency(organisationId));
            return new Wallet(wallets.organisation(organisationId), ledger.balance(h, account), ledger.heldFor(h, organisationId, account.currency()), account.currency(),
                    ledger.lines(h, account, page, EarningsService.LINES_PER_PAGE), wallets.costs(organisationId, account.currency()));
        });
    }

    public String walletCsv(Viewer viewer, long organisationId, Text text) {
        return db.read(h -> {
            var account = walletOf(h, viewer, organisationId);
            return LedgerCsv.of(ledger.allLines(h, account), account.currency(), text);
        });
    }

    /** The wallet's statement for a month: opening balance, every movement, closing balance. */
    public Statement statement(Viewer viewer, long organisationId, YearMonth month, ZoneId zone) {
        return db.read(h -> {
            var account = walletOf(h, viewer, organisationId);
            return Statement.of(ledger, h, account, month, zone, h.attach(WalletDao.class).organisation(organisationId).name());
        });
    }

    private static Account walletOf(Handle h, Viewer viewer, long organisationId) {
        var access = OrganisationAccess.of(h, viewer, organisationId);
        access.require(access.manages());
        return Account.wallet(organisationId, h.attach(PlanDao.class).currency(organisationId));
    }

    /** A deposit form as typed, shown again when refused: the organisation as "Name (number)" or its number alone. */
    public record DepositForm(String organisation, String amount, String reference) {
        private static final Pattern NUMBER = Pattern.compile("(?:^|\\()\\s*(\\d{1,18})\\s*\\)?\\s*$");

        public static DepositForm empty() {
            return new DepositForm("", "", "");
        }

        Long organisationId() {
            var m = NUMBER.matcher(organisation.strip());
            return m.find() ? Long.valueOf(m.group(1)) : null;
        }
    }

    /** A deposit read and checked, as the admin confirms it: into whose wallet, how much, under which reference. */
    public record Deposit(Organisation organisation, long amount, String currency, String reference) {
    }

    /** The organisations a deposit may be for, by name, for the form to offer. */
    public List<Organisation> organisations(Viewer admin) {
        if (!admin.admin()) throw new HttpProblem.Forbidden();
        return db.read(h -> h.attach(WalletDao.class).organisations());
    }

    /**
     * Reads a deposit for the admin to confirm: a known organisation, an amount, and a reference that is not
     * already recorded for another amount (the same reference and amount again records nothing).
     */
    public Deposit check(Viewer admin, DepositForm form, Locale locale) {
        if (!admin.admin()) throw new HttpProblem.Forbidden();
        return db.read(h -> check(h, form, locale));
    }

    private Deposit check(Handle h, DepositForm form, Locale locale) {
        var errors = Errors.none().text("reference", form.reference(), REFERENCE_MAX);
        Long id = form.organisationId();
        var organisation = id == null ? null : h.attach(WalletDao.class).organisation(id);
        if (organisation == null) errors.add("organisation", "ledger.organisationUnknown");
        String currency = organisation == null ? "EUR" : h.attach(PlanDao.class).currency(id);
        var amount = Amounts.parse(form.amount(), locale, currency);
        if (amount.isEmpty()) errors.add("amount", "error.amount");
        else if (amount.get() == 0) errors.add("amount", "error.amountPositive");
        Invalid.unless(errors);
        var deposit = new Deposit(organisation, amount.get(), currency, form.reference().strip());
        if (ledger.keyTakenByOther(h, transfer(deposit))) Invalid.unless(Errors.none().add("reference", "ledger.referenceTaken", deposit.reference()));
        return deposit;
    }

    private static Transfer transfer(Deposit d) {
        long id = d.organisation().id();
        return Transfer.of(Keys.deposit(id, d.reference()), Event.DEPOSIT, d.reference(), new Cause(Cause.DEPOSIT, id))
                .move(Account.world(d.currency()), Account.wallet(id, d.currency()), d.amount());
    }

    /**
     * Records money received for an organisation (a bank transfer, a payment provider) into its wallet, once the
     * admin confirmed it. The reference is the payment's own: the same reference and amount twice records once.
     */
    public void deposit(Viewer admin, DepositForm form, Locale locale) {
        if (!admin.admin()) throw new HttpProblem.Forbidden();
        db.execute(h -> {
            var deposit = check(h, form, locale);
            var transfer = transfer(deposit).recordedBy(admin.id());
            ledger.record(h, transfer);
            documents.received(h, new Documents.Receipt(deposit.organisation().id(), deposit.amount(), deposit.currency(), deposit.reference(), transfer.key()));
        });
    }

    /** The platform's fees collected so far, in euros. */
    public long revenue(Viewer admin) {
        if (!admin.admin()) throw new HttpProblem.Forbidden();
        return db.read(h -> ledger.balance(h, Account.revenue("EUR")));
    }

    /** Holds whose balance is not what their commitment owes: none, unless something went wrong. */
    public List<HoldCheck.Unexplained> unexplainedHolds(Viewer admin) {
        if (!admin.admin()) throw new HttpProblem.Forbidden();
        return db.read(h -> h.attach(HoldCheck.class).unexplained());
    }

    public LedgerCheck check(Viewer admin) {
        if (!admin.admin()) throw new HttpProblem.Forbidden();
        return db.read(ledger::check);
    }
}
