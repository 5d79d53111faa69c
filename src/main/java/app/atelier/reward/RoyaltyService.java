package app.atelier.reward;

import app.atelier.challenge.Challenge;
import app.atelier.challenge.ChallengeService;
import app.atelier.challenge.ChallengeState;
import app.atelier.db.Database;
import app.atelier.ledger.Account;
import app.atelier.ledger.Amounts;
import app.atelier.ledger.Cause;
import app.atelier.ledger.Ledger;
import app.atelier.ledger.Split;
import app.atelier.ledger.Transfer;
import app.atelier.notification.NotificationKind;
import app.atelier.notification.Notifier;
import app.atelier.web.Amount;
import app.atelier.web.Errors;
import app.atelier.web.HttpProblem;
import app.atelier.web.Invalid;
import app.atelier.web.Paths;
import app.atelier.web.Viewer;
import java.math.BigDecimal;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.jdbi.v3.core.Handle;

/**
 * Royalties: at decision the manager weighs each contributor's share, which the contributors read before it is
 * fixed; each sales declaration then pays rate x net sales from the wallet, split by the largest-remainder method.
 */
public final class RoyaltyService {
    static final long MOST_WEIGHT = 1_000_000;
    private static final Pattern PERIOD = Pattern.compile("\\d{4}-(0[1-9]|1[0-2]|Q[1-4])");

    private final Database db;
    private final Clock clock;
    private final Ledger ledger;
    private final Notifier notifier;

    public RoyaltyService(Database db, Clock clock, Ledger ledger, Notifier notifier) {
        this.db = db;
        this.clock = clock;
        this.ledger = ledger;
        this.notifier = notifier;
    }

    /** The royalty as the challenge page shows it: the shares, whether they are fixed, and every declaration. */
    public record Royalty(int rateBp, List<Share> shares, boolean fixed, List<Declaration> declarations) {
        public long totalWeight() {
            return shares.stream().mapToLong(Share::effectiveWeight).sum();
        }

        /** The share's part of the royalty in percent, to the hundredth, as the page shows it. */
        public BigDecimal percentOf(Share share) {
            long total = totalWeight();
            return total == 0 ? BigDecimal.ZERO : BigDecimal.valueOf(share.effectiveWeight() * 10_000 / total, 2);
        }
    }

    public Royalty royalty(Viewer viewer, long challengeId) {
        return db.read(h -> royalty(h, viewer, challengeId, h.attach(RewardDao.class).terms(challengeId).royaltyBp()));
    }

    static Royalty royalty(Handle h, Viewer viewer, long challengeId, int rate) {
        var royalties = h.attach(RoyaltyDao.class);
        return new Royalty(rate, rate == 0 ? List.of() : royalties.contributors(challengeId), rate > 0 && royalties.sharesFixedAt(challengeId).isPresent(),
                rate == 0 ? List.of() : royalties.declarations(challengeId, viewer.signedIn() ? viewer.id() : -1));
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
        var royalty = royalty(h, viewer, challengeId, h.attach(RewardDao.class).terms(challengeId).royaltyBp());
        if (royalty.rateBp() == 0 || (challenge.state() != ChallengeState.DECIDED && challenge.state() != ChallengeState.CLOSED)) {
            throw new HttpProblem.Conflict("royalty.notYet");
        }
        return new Managed(challenge, royalty, h.attach(RewardDao.class).currency(challenge.organisationId()));
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
     * cent, moves from the wallet to the contributors' earnings in one transaction. A period is declared once.
     */
    public void declare(Viewer viewer, long challengeId, String period, String netSales, Locale locale) {
        db.execute(h -> {
            var managed = managed(h, viewer, challengeId);
            if (!managed.royalty().fixed()) throw new HttpProblem.Conflict("royalty.fixFirst");
            var errors = Errors.none();
            String cleanPeriod = period.strip().toUpperCase(Locale.ROOT);
            if (!PERIOD.matcher(cleanPeriod).matches()) errors.add("period", "royalty.period");
            var sales = Amounts.parse(netSales, locale, managed.currency());
            if (sales.isEmpty()) errors.add("netSales", "error.amount");
            else if (sales.get() == 0) errors.add("netSales", "error.amountPositive");
            var royalties = h.attach(RoyaltyDao.class);
            if (!errors.has("period") && royalties.declared(challengeId, cleanPeriod)) errors.add("period", "royalty.periodDeclared", cleanPeriod);
            Invalid.unless(errors);
            var challenge = managed.challenge();
            long royalty = Math.multiplyExact(sales.get(), managed.royalty().rateBp()) / 10_000;
            Long transaction = royalty == 0 ? null : pay(h, viewer, challenge, managed.currency(), cleanPeriod, royalty);
            royalties.declare(challengeId, cleanPeriod, sales.get(), royalty, transaction, viewer.id(), clock.instant());
        });
    }

    private long pay(Handle h, Viewer viewer, Challenge challenge, String currency, String period, long royalty) {
        var holders = h.attach(RoyaltyDao.class).holders(challenge.id());
        List<Long> members = holders.stream().map(RoyaltyDao.Holder::memberId).toList();
        long[] parts = Split.of(royalty, holders.stream().map(RoyaltyDao.Holder::weight).toList());
        var wallet = Account.wallet(challenge.organisationId(), currency);
        var transfer = Transfer.of("royalty:" + challenge.id() + ":" + period, "Royalty " + period + ": " + challenge.title(),
                new Cause(Cause.CHALLENGE, challenge.id())).recordedBy(viewer.id());
        for (int i = 0; i < parts.length; i++) {
            if (parts[i] > 0) transfer.move(wallet, Account.earnings(members.get(i), currency), parts[i]);
        }
        try {
            long transaction = ledger.record(h, transfer);
            notifier.notify(h, NotificationKind.REWARD, members, viewer.id(), viewer.name(), challenge.title(), "royalty.declared",
                    Paths.challenge(challenge.id()) + "#royalty", clock.instant());
            return transaction;
        } catch (Ledger.Insufficient refused) {
            throw new HttpProblem.Conflict("royalty.unfunded", new Amount(royalty, currency), new Amount(refused.missing(), currency));
        }
    }
}
