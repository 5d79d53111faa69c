package app.atelier.reward.wallet;

import app.atelier.bank.BankAccount;
import app.atelier.bank.BankService;
import app.atelier.bank.BankStatement;
import app.atelier.bank.PayeeAccount;
import app.atelier.bank.TransferFile;
import app.atelier.db.Database;
import app.atelier.invoice.BillingService;
import app.atelier.ledger.Account;
import app.atelier.ledger.Cause;
import app.atelier.ledger.Event;
import app.atelier.ledger.Keys;
import app.atelier.ledger.Ledger;
import app.atelier.ledger.Transfer;
import app.atelier.notification.Notice;
import app.atelier.notification.NotificationKind;
import app.atelier.notification.Notifier;
import app.atelier.platformreport.PlatformReportService;
import app.atelier.web.Amount;
import app.atelier.web.Errors;
import app.atelier.web.HttpProblem;
import app.atelier.web.Invalid;
import app.atelier.web.Viewer;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/**
 * Contributors ask to be paid what they earned, above a minimum, to the account they gave. A platform admin sends
 * the payouts to the bank in batches, as SEPA credit transfer files, and they are paid when the admin confirms a
 * batch or the bank's statement shows them leave; or the admin pays one outside Atelier and records it.
 */
public final class PayoutService {
    /** Below this, a payout costs more in bank fees than it brings. */
    public static final long MINIMUM = 20_00;
    static final String CURRENCY = "EUR";

    private final Database db;
    private final Clock clock;
    private final Ledger ledger;
    private final BankAccount payIn;
    private final Notifier notifier;

    /** @param payIn the operator's account, which payouts leave from */
    public PayoutService(Database db, Clock clock, Ledger ledger, BankAccount payIn, Notifier notifier) {
        this.payIn = payIn;
        this.notifier = notifier;
        this.db = db;
        this.clock = clock;
        this.ledger = ledger;
    }

    public Optional<Payout> open(Viewer viewer) {
        return db.read(h -> h.attach(PayoutDao.class).open(viewer.id()));
    }

    /**
     * What a payout waits for the member to give: how they are paid (a payee profile), where (bank details), and once
     * paid past the line of the yearly platform report, what it needs of them.
     */
    public enum Missing {
        PAYEE("payout.payeeFirst", "/account/payee", "payee.title"), BANK("payout.bankFirst", "/account/bank", "bank.title"),
        TAX("payout.taxFirst", "/account/tax", "tax.title");

        public final String key;
        public final String path;
        /** The title of the page at {@link #path}, where it is given. */
        public final String title;

        Missing(String key, String path, String title) {
            this.key = key;
            this.path = path;
            this.title = title;
        }
    }

    public Optional<Missing> missing(Viewer viewer) {
        return db.read(h -> missing(h, viewer.id()));
    }

    private Optional<Missing> missing(Handle h, long memberId) {
        if (BillingService.payee(h, memberId).isEmpty()) return Optional.of(Missing.PAYEE);
        if (BankService.payee(h, memberId).isEmpty()) return Optional.of(Missing.BANK);
        if (PlatformReportService.owed(h, memberId, clock)) return Optional.of(Missing.TAX);
        return Optional.empty();
    }

    /** Asks for the whole balance; refused below the minimum, while a request is open, or before the member said how and where they are paid. */
    public void request(Viewer viewer) {
        db.execute(h -> {
            long balance = ledger.balance(h, Account.earnings(viewer.id(), CURRENCY));
            if (balance < MINIMUM) throw new HttpProblem.Conflict("payout.belowMinimum", new Amount(MINIMUM, CURRENCY));
            var missing = missing(h, viewer.id());
            if (missing.isPresent()) throw new HttpProblem.Conflict(missing.get().key);
            if (h.attach(PayoutDao.class).request(viewer.id(), balance, CURRENCY, clock.instant()) == 0) {
                throw new HttpProblem.Conflict("payout.alreadyAsked");
            }
        });
    }

    /**
     * An open payout as the admin pays it: to the account the payee gave, unless a recent change of it holds the
     * payout, or the yearly platform report still needs the payee's tax details.
     */
    public record ToPay(Payout payout, Optional<PayeeAccount> account, boolean held, boolean taxOwed) {
        public boolean payable() {
            return account.isPresent() && !held && !taxOwed;
        }
    }

    public List<ToPay> allOpen(Viewer admin) {
        if (!admin.admin()) throw new HttpProblem.Forbidden();
        return db.read(h -> h.attach(PayoutDao.class).allOpen().stream().map(p -> toPay(h, p)).toList());
    }

    private ToPay toPay(Handle h, Payout payout) {
        var account = BankService.payee(h, payout.memberId());
        return new ToPay(payout, account, account.filter(a -> a.held(clock.instant())).isPresent(), PlatformReportService.owed(h, payout.memberId(), clock));
    }

    /** The admin paid the request outside Atelier: its amount leaves the earnings for the outside world, once. */
    public void markPaid(Viewer admin, long payoutId, String reference) {
        if (!admin.admin()) throw new HttpProblem.Forbidden();
        Invalid.unless(Errors.none().text("reference", reference, WalletService.REFERENCE_MAX));
        db.execute(h -> {
            var payout = h.attach(PayoutDao.class).find(payoutId).orElseThrow(HttpProblem.NotFound::new);
            if (payout.paidAt() != null) throw new HttpProblem.Conflict("payout.alreadyPaid");
            if (payout.batchId() != null) throw new HttpProblem.Conflict("payout.inBatch");
            payable(h, payout.memberId());
            pay(h, admin, payout, reference.strip());
        });
    }

    /** The account a payout goes to; refused while there is none, while a change of it holds the payouts, or while tax details are owed. */
    private PayeeAccount payable(Handle h, long memberId) {
        var account = BankService.payee(h, memberId).orElseThrow(() -> new HttpProblem.Conflict("payout.noBankDetails"));
        if (account.held(clock.instant())) throw new HttpProblem.Conflict("payout.bankHeld", account.heldUntil());
        if (PlatformReportService.owed(h, memberId, clock)) throw new HttpProblem.Conflict("payout.taxMissing");
        return account;
    }

    /** The payout's amount leaves the earnings for the outside world, once, under the reference the money left with. */
    private void pay(Handle h, Viewer admin, Payout payout, String reference) {
        long transaction = ledger.record(h, Transfer.of(Keys.payout(payout.id()), Event.PAYOUT, reference, new Cause(Cause.PAYOUT, payout.id()))
                .move(Account.earnings(payout.memberId(), payout.currency()), Account.world(payout.currency()), payout.amount())
                .recordedBy(admin.id()));
        h.attach(PayoutDao.class).markPaid(payout.id(), reference, transaction, clock.instant());
    }

    /**
     * Gathers every open payout the bank can be sent ({@link ToPay#payable()}) into a batch, and
     * makes its SEPA credit transfer file from the operator's account: the payouts are then sent, and wait for the
     * bank. Refused when none can be sent.
     */
    public long batch(Viewer admin) {
        if (!admin.admin()) throw new HttpProblem.Forbidden();
        return db.write(h -> {
            var payouts = h.attach(PayoutDao.class);
            var now = clock.instant();
            var ready = new ArrayList<TransferFile.Transfer>();
            var sent = new ArrayList<Payout>();
            for (var payout : payouts.allOpen()) {
                var toPay = toPay(h, payout);
                if (payout.batchId() != null || !toPay.payable()) continue;
                sent.add(payout);
                ready.add(new TransferFile.Transfer(payout.endToEndId(), payout.amount(), payout.currency(), toPay.account().get().account(), "Atelier " + payout.endToEndId()));
            }
            if (sent.isEmpty()) throw new HttpProblem.Conflict("payout.nothingToSend");
            long total = sent.stream().mapToLong(Payout::amount).sum();
            long id = payouts.newBatch("pending-" + now.toEpochMilli(), now, admin.id(), sent.size(), total);
            String messageId = "ATB-" + id;
            payouts.fileBatch(id, messageId, TransferFile.pain001(messageId, now.atOffset(ZoneOffset.UTC), LocalDate.ofInstant(now, clock.getZone()), payIn, ready));
            for (var payout : sent) payouts.send(payout.id(), id);
            return id;
        });
    }

    /** A batch's file, the same however many times it is downloaded. */
    public PayoutBatch batchFile(Viewer admin, long id) {
        if (!admin.admin()) throw new HttpProblem.Forbidden();
        return db.read(h -> h.attach(PayoutDao.class).batch(id)).orElseThrow(HttpProblem.NotFound::new);
    }

    public List<PayoutBatch> batches(Viewer admin) {
        if (!admin.admin()) throw new HttpProblem.Forbidden();
        return db.read(h -> h.attach(PayoutDao.class).batches());
    }

    /** The admin confirms the bank paid a batch: each of its payouts not yet paid is, under the batch's message id. */
    public void confirm(Viewer admin, long batchId) {
        if (!admin.admin()) throw new HttpProblem.Forbidden();
        db.execute(h -> {
            var payouts = h.attach(PayoutDao.class);
            var batch = payouts.batch(batchId).orElseThrow(HttpProblem.NotFound::new);
            if (payouts.confirm(batchId, clock.instant()) == 0) throw new HttpProblem.Conflict("payout.batchConfirmed");
            for (var payout : payouts.inBatch(batchId)) {
                if (payout.paidAt() == null) pay(h, admin, payout, batch.messageId());
            }
        });
    }

    /**
     * What the bank's statement says of a payout it names by its end-to-end id: money out pays it; money back
     * with a return reason returns it, its amount back in the payee's earnings, and the payee is told. Returns
     * whether the entry was about a payout.
     */
    boolean fromBank(Handle h, Viewer admin, BankStatement.Entry entry) {
        var named = Payout.named(entry.endToEndId()).flatMap(id -> h.attach(PayoutDao.class).find(id));
        if (named.isEmpty() || named.get().batchId() == null) return false;
        var payout = named.get();
        if (payout.paidAt() == null) pay(h, admin, payout, entry.reference());
        if (entry.credit() && entry.returnReason() != null && payout.returnedAt() == null) {
            ledger.record(h, Transfer.of(Keys.payoutReturned(payout.id()), Event.PAYOUT_RETURNED, entry.reference(), new Cause(Cause.PAYOUT, payout.id()))
                    .move(Account.world(payout.currency()), Account.earnings(payout.memberId(), payout.currency()), payout.amount()).recordedBy(admin.id()));
            h.attach(PayoutDao.class).returned(payout.id(), entry.returnReason(), clock.instant());
            notifier.notify(h, Notice.by(admin, NotificationKind.REWARD, entry.returnReason(), "payout.returnedNotice", "/rewards#payout"), List.of(payout.memberId()),
                    clock.instant());
        }
        return true;
    }

    /** The member's latest payouts, with where each stands. */
    public List<Payout> mine(Viewer viewer) {
        return db.read(h -> h.attach(PayoutDao.class).mine(viewer.id()));
    }
}
