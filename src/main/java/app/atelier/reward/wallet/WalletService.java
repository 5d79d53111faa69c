package app.atelier.reward.wallet;

import app.atelier.bank.BankAccount;
import app.atelier.bank.BankStatement;
import app.atelier.bank.CreditorReference;
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
import app.atelier.notification.Notice;
import app.atelier.notification.NotificationKind;
import app.atelier.notification.Notifier;
import app.atelier.organisation.Organisation;
import app.atelier.organisation.OrganisationAccess;
import app.atelier.reward.plan.PlanDao;
import app.atelier.web.Errors;
import app.atelier.web.HttpProblem;
import app.atelier.web.Invalid;
import app.atelier.web.Paged;
import app.atelier.web.Text;
import app.atelier.web.Viewer;
import java.io.InputStream;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.jdbi.v3.core.Handle;

/** Organisations' wallets: what the platform admin records as deposited, and what each wallet holds and paid. */
public final class WalletService {
    static final int REFERENCE_MAX = 100;

    private final Database db;
    private final Ledger ledger;
    private final Documents documents;
    private final BankAccount payIn;
    private final Notifier notifier;
    private final PayoutService payouts;

    /** @param payIn the operator's account, which organisations transfer money to */
    public WalletService(Database db, Ledger ledger, Documents documents, BankAccount payIn, Notifier notifier, PayoutService payouts) {
        this.payouts = payouts;
        this.db = db;
        this.ledger = ledger;
        this.documents = documents;
        this.payIn = payIn;
        this.notifier = notifier;
    }

    /**
     * {@code balance} is what the wallet has available; {@code held}, what the organisation's commitments hold of its
     * money; {@code payIn}, the account to transfer money to, and {@code reference}, the creditor reference the
     * transfer carries so that the bank's statement names this wallet.
     */
    public record Wallet(Organisation organisation, long balance, long held, String currency, Paged<LedgerLine> lines, List<ChallengeCost> costs,
                         BankAccount payIn, String reference) {
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
                    ledger.lines(h, account, page, EarningsService.LINES_PER_PAGE), wallets.costs(organisationId, account.currency()), payIn,
                    CreditorReference.forPeople(organisationId));
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
            record(h, admin, deposit, transfer(deposit));
        });
    }

    /** Records a deposit checked, with its receipt, and tells the organisation's staff. */
    private void record(Handle h, Viewer admin, Deposit deposit, Transfer transfer) {
        receive(h, admin, deposit, transfer);
        tell(h, admin, deposit.organisation().id(), deposit.reference());
    }

    private void receive(Handle h, Viewer admin, Deposit deposit, Transfer transfer) {
        ledger.record(h, transfer.recordedBy(admin.id()));
        documents.received(h, new Documents.Receipt(deposit.organisation().id(), deposit.amount(), deposit.currency(), deposit.reference(), transfer.key()));
    }

    /** The organisation's staff hear that money reached its wallet: {@code what} names the transfer, or how many came. */
    private void tell(Handle h, Viewer admin, long organisationId, String what) {
        notifier.notifyStaff(h, organisationId, Notice.by(admin, NotificationKind.REWARD, what, "wallet.deposited", "/organisations/" + organisationId + "/wallet"),
                ledger.now());
    }

    /**
     * What importing a statement did: deposits recorded now, entries seen before, entries left waiting, entries about
     * payouts (paid, or sent back), and other money out.
     */
    public record Imported(int recorded, int already, int waiting, int payouts, int out) {
        Imported plus(Imported other) {
            return new Imported(recorded + other.recorded, already + other.already, waiting + other.waiting, payouts + other.payouts, out + other.out);
        }
    }

    /** How many entries of a statement are imported in one transaction. */
    static final int IMPORT_BATCH = 500;

    /**
     * Imports what the bank reported on the platform's account (camt.053 or camt.054): each booked credit carrying an
     * organisation's creditor reference is deposited into its wallet under the bank's reference for it, once however
     * many statements repeat it; any other credit waits for an admin. An entry naming a payout by its end-to-end id
     * pays it, or returns it when the bank sent it back ({@link PayoutService#fromBank}); other money out is counted.
     * Each entry is recorded at most once whatever happens, so a statement is imported a part at a time, and a
     * statement imported again after a crash completes what the first import began.
     */
    public Imported importStatement(Viewer admin, InputStream statement) {
        if (!admin.admin()) throw new HttpProblem.Forbidden();
        List<BankStatement.Entry> entries;
        try {
            entries = BankStatement.read(statement);
        } catch (BankStatement.Unreadable e) {
            throw Invalid.of("statement", e.getMessage());
        }
        var done = new Imported(0, 0, 0, 0, 0);
        var received = new TreeMap<Long, List<String>>();
        for (int from = 0; from < entries.size(); from += IMPORT_BATCH) {
            var batch = entries.subList(from, Math.min(entries.size(), from + IMPORT_BATCH));
            done = done.plus(db.write(h -> importBatch(h, admin, batch, received)));
        }
        // Each organisation hears once of what one statement brought it, however many transfers.
        db.execute(h -> received.forEach((id, references) -> tell(h, admin, id, references.size() == 1 ? references.get(0) : references.size() + " × "
                + String.join(", ", references.subList(0, Math.min(3, references.size()))) + (references.size() > 3 ? "…" : ""))));
        return done;
    }

    /** A part of a statement, in one transaction: the others wait for the writer no longer than a part takes. */
    private Imported importBatch(Handle h, Viewer admin, List<BankStatement.Entry> entries, Map<Long, List<String>> received) {
        int recorded = 0;
        int already = 0;
        int waiting = 0;
        int aboutPayouts = 0;
        int out = 0;
        for (var entry : entries) {
            if (!entry.credit() || entry.returnReason() != null) {
                if (payouts.fromBank(h, admin, entry)) aboutPayouts++;
                else if (!entry.credit()) out++;
                else if (keep(h, entry) == 1) waiting++;
                else already++;
            } else if (ledger.recorded(h, Keys.bankEntry(entry.reference()))) {
                already++;
            } else {
                var deposit = entry.organisation().map(id -> h.attach(WalletDao.class).organisation(id))
                        .filter(o -> h.attach(PlanDao.class).currency(o.id()).equals(entry.currency()))
                        .map(o -> new Deposit(o, entry.amount(), entry.currency(), entry.reference()));
                if (deposit.isPresent()) {
                    receive(h, admin, deposit.get(), bankTransfer(deposit.get(), entry.reference()));
                    received.computeIfAbsent(deposit.get().organisation().id(), id -> new ArrayList<>()).add(entry.reference());
                    recorded++;
                } else if (keep(h, entry) == 1) {
                    waiting++;
                } else {
                    already++;
                }
            }
        }
        return new Imported(recorded, already, waiting, aboutPayouts, out);
    }

    private int keep(Handle h, BankStatement.Entry e) {
        return h.attach(WalletDao.class).keep(e.reference(), e.amount(), e.currency(), e.bookedOn() == null ? null : e.bookedOn().toString(),
                e.counterparty() == null ? "" : e.counterparty(), e.information(), ledger.now());
    }

    private static Transfer bankTransfer(Deposit d, String bankReference) {
        long id = d.organisation().id();
        return Transfer.of(Keys.bankEntry(bankReference), Event.DEPOSIT, d.reference(), new Cause(Cause.DEPOSIT, id))
                .move(Account.world(d.currency()), Account.wallet(id, d.currency()), d.amount());
    }

    /** The entries no wallet matched, for the admin. */
    public List<WaitingEntry> waiting(Viewer admin) {
        if (!admin.admin()) throw new HttpProblem.Forbidden();
        return db.read(h -> h.attach(WalletDao.class).waiting());
    }

    /** The admin says whose money a waiting entry is: it is deposited into that organisation's wallet, as if it had matched. */
    public void assign(Viewer admin, String reference, String organisation) {
        if (!admin.admin()) throw new HttpProblem.Forbidden();
        db.execute(h -> {
            var wallets = h.attach(WalletDao.class);
            var entry = wallets.waiting(reference).orElseThrow(() -> new HttpProblem.Conflict("bank.entryNotWaiting"));
            Long id = new DepositForm(organisation, "", "").organisationId();
            var chosen = id == null ? null : wallets.organisation(id);
            if (chosen == null) throw Invalid.of("organisation", "ledger.organisationUnknown");
            if (!h.attach(PlanDao.class).currency(id).equals(entry.currency())) throw Invalid.of("organisation", "bank.otherCurrency", entry.currency());
            var deposit = new Deposit(chosen, entry.amount(), entry.currency(), entry.reference());
            wallets.settle(reference, "ASSIGNED", id, admin.id(), ledger.now());
            record(h, admin, deposit, bankTransfer(deposit, entry.reference()));
        });
    }

    /** The admin sends a waiting entry back to whoever sent it, through the bank: it leaves the list, and no wallet. */
    public void sendBack(Viewer admin, String reference) {
        if (!admin.admin()) throw new HttpProblem.Forbidden();
        db.execute(h -> {
            if (h.attach(WalletDao.class).settle(reference, "RETURNED", null, admin.id(), ledger.now()) == 0) throw new HttpProblem.Conflict("bank.entryNotWaiting");
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
