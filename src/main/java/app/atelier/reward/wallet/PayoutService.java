package app.atelier.reward.wallet;

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

    /** Whether the member has said how they are paid, which a payout waits for. */
    public boolean payeeKnown(Viewer viewer) {
        return db.read(h -> BillingService.payee(h, viewer.id()).isPresent());
    }

    /** Asks for the whole balance; refused below the minimum, while a request is open, or before the member said how they are paid. */
    public void request(Viewer viewer) {
        db.execute(h -> {
            long balance = ledger.balance(h, Account.earnings(viewer.id(), CURRENCY));
            if (balance < MINIMUM) throw new HttpProblem.Conflict("payout.belowMinimum", new Amount(MINIMUM, CURRENCY));
            if (BillingService.payee(h, viewer.id()).isEmpty()) throw new HttpProblem.Conflict("payout.payeeFirst");
            if (h.attach(PayoutDao.class).request(viewer.id(), balance, CURRENCY, clock.instant()) == 0) {
                throw new HttpProblem.Conflict("payout.alreadyAsked");
            }
        });
    }

    public List<Payout> allOpen(Viewer admin) {
        if (!admin.admin()) throw new HttpProblem.Forbidden();
        return db.read(h -> h.attach(PayoutDao.class).allOpen());
    }

    /** The admin paid the request outside Atelier: its amount leaves the earnings for the outside world, once. */
    public void markPaid(Viewer admin, long payoutId, String reference) {
        if (!admin.admin()) throw new HttpProblem.Forbidden();
        Invalid.unless(Errors.none().text("reference", reference, WalletService.REFERENCE_MAX));
        db.execute(h -> {
            var payouts = h.attach(PayoutDao.class);
            var payout = payouts.find(payoutId).orElseThrow(HttpProblem.NotFound::new);
            if (payout.paidAt() != null) throw new HttpProblem.Conflict("payout.alreadyPaid");
            long transaction = ledger.record(h, Transfer.of(Keys.payout(payoutId), Event.PAYOUT, reference.strip(), new Cause(Cause.PAYOUT, payoutId))
                    .move(Account.earnings(payout.memberId(), payout.currency()), Account.world(payout.currency()), payout.amount())
                    .recordedBy(admin.id()));
            payouts.markPaid(payoutId, reference.strip(), transaction, clock.instant());
        });
    }
}
