package app.atelier.reward.royalty;

import app.atelier.challenge.Challenge;
import app.atelier.challenge.ChallengeService;
import app.atelier.challenge.ChallengeState;
import app.atelier.db.Database;
import app.atelier.fee.Fee;
import app.atelier.invoice.BillingService;
import app.atelier.invoice.Documents;
import app.atelier.ledger.Account;
import app.atelier.ledger.Amounts;
import app.atelier.ledger.Cause;
import app.atelier.ledger.Event;
import app.atelier.ledger.Keys;
import app.atelier.ledger.Ledger;
import app.atelier.ledger.Split;
import app.atelier.ledger.Transfer;
import app.atelier.notification.Notice;
import app.atelier.notification.NotificationKind;
import app.atelier.notification.Notifier;
import app.atelier.reward.plan.PlanDao;
import app.atelier.web.Amount;
import app.atelier.web.Errors;
import app.atelier.web.HttpProblem;
import app.atelier.web.Invalid;
import app.atelier.web.Paths;
import app.atelier.web.Viewer;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/**
 * Royalties: at decision the manager weighs each contributor's share, which the contributors read before it is
 * fixed; each sales declaration then pays rate x net sales from the wallet, split by the largest-remainder method.
 */
public final class RoyaltyService {
    static final long MOST_WEIGHT = 1_000_000;

    private final Database db;
    private final Clock clock;
    private final Ledger ledger;
    private final Notifier notifier;
    private final Documents documents;
    private static final Fee NO_FEE = new Fee(0);

    public RoyaltyService(Database db, Clock clock, Ledger ledger, Notifier notifier, Documents documents) {
        this.db = db;
        this.documents = documents;
        this.clock = clock;
        this.ledger = ledger;
        this.notifier = notifier;
    }

    /**
     * The royalty as the challenge page shows it: the rate, and whether shares are fixed, for everyone; who holds
     * which share, and what each declaration of sales paid, for the organisation's staff and the shareholders only
     * ({@code party}). Others read how many share it.
     */
    public record Royalty(int rateBp, List<Share> shares, boolean fixed, List<Declaration> declarations, boolean party, int shareholders) {
        /** Each share's part in percent, to the hundredth, split by the largest remainder so that the parts make 100. */
        public BigDecimal percentOf(Share share) {
            var weights = shares.stream().map(Share::effectiveWeight).toList();
            if (weights.stream().allMatch(w -> w == 0)) return BigDecimal.ZERO;
            return BigDecimal.valueOf(Split.of(10_000, weights)[shares.indexOf(share)], 2);
        }
    }

    public static Royalty royalty(Handle h, Viewer viewer, ChallengeService.Access access, int rate) {
        if (rate == 0) return new Royalty(0, List.of(), false, List.of(), false, 0);
        var royalties = h.attach(RoyaltyDao.class);
        long challengeId = access.challenge().id();
        var shares = royalties.contributors(challengeId);
        boolean fixed = royalties.sharesFixedAt(challengeId).isPresent();
        boolean shareholder = viewer.signedIn() && royalties.holders(challengeId).stream().anyMatch(holder -> holder.memberId() == viewer.id());
        int shareholders = fixed ? royalties.holders(challengeId).size() : 0;
        if (!access.staff() && !shareholder) return new Royalty(rate, List.of(), fixed, List.of(), false, shareholders);
        return new Royalty(rate, shares, fixed, royalties.declarations(challengeId, viewer.signedIn() ? viewer.id() : -1), true, shareholders);
    }

    /** The member's shares of royalties, fixed or proposed, for My rewards. */
    public static List<MyShare> sharesOf(Handle h, long memberId) {
        return h.attach(RoyaltyDao.class).sharesOf(memberId);
    }

    /** The challenge and its royalty, for a manager, once decided. */
    public record Managed(Challenge challenge, Royalty royalty, String currency) {
        public BigDecimal percent() {
            return Amounts.percent(royalty.rateBp());
        }
    }

    public Managed managed(Viewer viewer, long challengeId) {
        return db.read(h -> managed(h, viewer, challengeId));
    }

    private static Managed managed(Handle h, Viewer viewer, long challengeId) {
        var access = ChallengeService.access(h, viewer, challengeId);
        if (!access.manages()) throw new HttpProblem.Forbidden();
        var challenge = access.challenge();
        var royalty = royalty(h, viewer, access, h.attach(PlanDao.class).terms(challengeId).royaltyBp());
        if (royalty.rateBp() == 0 || (challenge.state() != ChallengeState.DECIDED && challenge.state() != ChallengeState.CLOSED)) {
            throw new HttpProblem.Conflict("royalty.notYet");
        }
        return new Managed(challenge, royalty, h.attach(PlanDao.class).currency(challenge.organisationId()));
    }

    /**
     * Saves the weights typed for each contributor (whole numbers, at least one above zero), and fixes them when
     * asked; fixed shares no longer change.
     */
    public void saveShares(Viewer viewer, long challengeId, Map<Long, String> typed, boolean fix) {
        db.execute(h -> {
            var managed = managed(h, viewer, challengeId);
            if (managed.royalty().fixed()) throw new HttpProblem.Conflict("royalty.sharesFixed.error");
            var errors = Errors.none();
            var members = new ArrayList<Long>();
            var weights = new ArrayList<Long>();
            for (var share : managed.royalty().shares()) {
                String value = typed.getOrDefault(share.memberId(), "").strip();
                String field = "weight" + share.memberId();
                if (!value.matches("\\d{1,7}") || Long.parseLong(value) > MOST_WEIGHT) {
                    errors.add(field, "royalty.weight", MOST_WEIGHT);
                    continue;
                }
                members.add(share.memberId());
                weights.add(Long.parseLong(value));
            }
            if (!errors.any() && weights.stream().allMatch(w -> w == 0)) errors.add("weights", "royalty.allZero");
            Invalid.unless(errors);
            var royalties = h.attach(RoyaltyDao.class);
            royalties.clearShares(challengeId);
            royalties.putShares(challengeId, members, weights);
            if (fix) royalties.fixShares(challengeId, clock.instant());
        });
    }

    /**
     * Declares the net sales of one period (2026-03 or 2026-Q1): the royalty, rate x sales rounded down to the
     * cent, moves from the wallet to the contributors' earnings in one transaction. A period is a month or a quarter
     * that ends after the decision and has begun, and no day of it is declared twice: a month inside a declared
     * quarter, or a quarter holding a declared month, is refused with the period that holds it.
     */
    public void declare(Viewer viewer, long challengeId, String period, String netSales, Locale locale, ZoneId zone) {
        db.execute(h -> {
            var managed = managed(h, viewer, challengeId);
            if (!managed.royalty().fixed()) throw new HttpProblem.Conflict("royalty.fixFirst");
            var errors = Errors.none();
            var royalties = h.attach(RoyaltyDao.class);
            var parsed = SalesPeriod.of(period);
            if (parsed.isEmpty()) errors.add("period", "royalty.period");
            parsed.ifPresent(p -> checkPeriod(p, royalties, challengeId, LocalDate.ofInstant(clock.instant(), zone), zone, errors));
            var sales = Amounts.parse(netSales, locale, managed.currency());
            if (sales.isEmpty()) errors.add("netSales", "error.amount");
            else if (sales.get() == 0) errors.add("netSales", "error.amountPositive");
            Invalid.unless(errors);
            String cleanPeriod = parsed.get().name();
            var challenge = managed.challenge();
            long royalty = Math.multiplyExact(sales.get(), managed.royalty().rateBp()) / 10_000;
            Long transaction = royalty == 0 ? null : pay(h, viewer, challenge, managed.currency(), cleanPeriod, royalty);
            royalties.declare(challengeId, cleanPeriod, sales.get(), royalty, transaction, viewer.id(), clock.instant());
        });
    }

    private static void checkPeriod(SalesPeriod period, RoyaltyDao royalties, long challengeId, LocalDate today, ZoneId zone, Errors errors) {
        var decided = royalties.decidedAt(challengeId).map(at -> LocalDate.ofInstant(at, zone)).orElse(today);
        if (!period.end().isAfter(decided)) errors.add("period", "royalty.periodBeforeDecision", decided);
        else if (period.start().isAfter(today)) errors.add("period", "royalty.periodFuture");
        else royalties.periods(challengeId).stream().map(SalesPeriod::of).flatMap(Optional::stream).filter(period::overlaps).findFirst()
                .ifPresent(declared -> errors.add("period", declared.name().equals(period.name()) ? "royalty.periodDeclared" : "royalty.periodOverlaps", declared.name()));
    }

    private long pay(Handle h, Viewer viewer, Challenge challenge, String currency, String period, long royalty) {
        var holders = h.attach(RoyaltyDao.class).holders(challenge.id());
        List<Long> members = holders.stream().map(RoyaltyDao.Holder::memberId).toList();
        long[] parts = Split.of(royalty, holders.stream().map(RoyaltyDao.Holder::weight).toList());
        var wallet = Account.wallet(challenge.organisationId(), currency);
        var transfer = Transfer.of(Keys.royalty(challenge.id(), period), Event.ROYALTY, period + " · " + challenge.title(),
                new Cause(Cause.CHALLENGE, challenge.id())).recordedBy(viewer.id());
        // No fee is kept on royalties; a share paid to a French VAT-registered business carries its VAT, on the payee's terms now.
        var shares = new Fee.Breakdown[parts.length];
        long total = 0;
        for (int i = 0; i < parts.length; i++) {
            if (parts[i] == 0) continue;
            var vat = BillingService.terms(h, members.get(i));
            shares[i] = NO_FEE.breakdown(parts[i], vat);
            NO_FEE.pay(transfer, wallet, members.get(i), parts[i], vat);
            total += shares[i].paid();
        }
        try {
            long transaction = ledger.record(h, transfer);
            for (int i = 0; i < parts.length; i++) {
                if (shares[i] == null) continue;
                documents.paid(h, new Documents.Payment(challenge.organisationId(), members.get(i), "Redevance " + period + " : " + challenge.title(), currency,
                        shares[i], transfer.key(), Documents.Quantity.one(parts[i])));
            }
            notifier.notify(h, Notice.by(viewer, NotificationKind.REWARD, challenge.title(), "royalty.declared", Paths.challenge(challenge.id()) + "#royalty"),
                    members, clock.instant());
            return transaction;
        } catch (Ledger.Insufficient refused) {
            throw new HttpProblem.Conflict("royalty.unfunded", new Amount(total, currency), new Amount(refused.missing(), currency));
        }
    }
}
