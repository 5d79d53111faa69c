package app.atelier.reward.wallet;

import app.atelier.bank.BankService;
import app.atelier.bank.PayeeAccount;
import app.atelier.db.Database;
import app.atelier.invoice.BillingService;
import app.atelier.ledger.Account;
import app.atelier.ledger.Cause;
import app.atelier.ledger.Event;
import app.atelier.ledger.Keys;
import app.atelier.ledger.Ledger;
import app.atelier.ledger.Transfer;
import app.atelier.web.Amount;
import app.atelier.web.Errors;
import app.atelier.web.HttpProblem;
import app.atelier.web.Invalid;
import app.atelier.web.Viewer;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/** Contributors ask to be paid what they earned, above a minimum; a platform admin pays and records it. */
public final class PayoutService {
    /** Below this, a payout costs more in bank fees than it brings. */
    public static final long MINIMUM = 20_00;
    static final String CURRENCY = "EUR";

    private final Database db;
    private final Clock clock;
    private final Ledger ledger;

    public PayoutService(Database db, Clock clock, Ledger ledger) {
        this.db = db;
        this.clock = clock;
        this.ledger = ledger;
    }

    public Optional<Payout> open(Viewer viewer) {
        return db.read(h -> h.attach(PayoutDao.class).open(viewer.id()));
    }

    /** What a payout waits for the member to give: how they are paid (a payee profile), then where (bank details). */
    public enum Missing {
        PAYEE("payout.payeeFirst", "/account/payee"), BANK("payout.bankFirst", "/account/bank");

        public final String key;
        public final String path;

        Missing(String key, String path) {
            this.key = key;
            this.path = path;
        }
    }

    public Optional<Missing> missing(Viewer viewer) {
        return db.read(h -> missing(h, viewer.id()));
    }

    private static Optional<Missing> missing(Handle h, long memberId) {
        if (BillingService.payee(h, memberId).isEmpty()) return Optional.of(Missing.PAYEE);
        if (BankService.payee(h, memberId).isEmpty()) return Optional.of(Missing.BANK);
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

    /** An open payout as the admin pays it: to the account the payee gave, unless a recent change of it holds the payout. */
    public record ToPay(Payout payout, Optional<PayeeAccount> account, boolean held) {
        public boolean payable() {
            return account.isPresent() && !held;
        }
    }

    public List<ToPay> allOpen(Viewer admin) {
        if (!admin.admin()) throw new HttpProblem.Forbidden();
        var now = clock.instant();
        return db.read(h -> h.attach(PayoutDao.class).allOpen().stream().map(p -> {
            var account = BankService.payee(h, p.memberId());
            return new ToPay(p, account, account.filter(a -> a.held(now)).isPresent());
        }).toList());
    }

    /** The admin paid the request outside Atelier: its amount leaves the earnings for the outside world, once. */
    public void markPaid(Viewer admin, long payoutId, String reference) {
        if (!admin.admin()) throw new HttpProblem.Forbidden();
        Invalid.unless(Errors.none().text("reference", reference, WalletService.REFERENCE_MAX));
        db.execute(h -> {
            var payouts = h.attach(PayoutDao.class);
            var payout = payouts.find(payoutId).orElseThrow(HttpProblem.NotFound::new);
            if (payout.paidAt() != null) throw new HttpProblem.Conflict("payout.alreadyPaid");
            var account = BankService.payee(h, payout.memberId()).orElseThrow(() -> new HttpProblem.Conflict("payout.noBankDetails"));
            if (account.held(clock.instant())) throw new HttpProblem.Conflict("payout.bankHeld", account.heldUntil());
            long transaction = ledger.record(h, Transfer.of(Keys.payout(payoutId), Event.PAYOUT, reference.strip(), new Cause(Cause.PAYOUT, payoutId))
                    .move(Account.earnings(payout.memberId(), payout.currency()), Account.world(payout.currency()), payout.amount())
                    .recordedBy(admin.id()));
            payouts.markPaid(payoutId, reference.strip(), transaction, clock.instant());
        });
    }
}
