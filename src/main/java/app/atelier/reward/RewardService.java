package app.atelier.reward;

import app.atelier.challenge.Challenge;
import app.atelier.challenge.ChallengeService;
import app.atelier.challenge.ChallengeState;
import app.atelier.challenge.MoveRule;
import app.atelier.db.Database;
import app.atelier.ledger.Account;
import app.atelier.ledger.Event;
import app.atelier.ledger.Hold;
import app.atelier.ledger.Ledger;
import app.atelier.ledger.LedgerCsv;
import app.atelier.ledger.LedgerLine;
import app.atelier.notification.NotificationKind;
import app.atelier.notification.Notifier;
import app.atelier.recognition.Badge;
import app.atelier.web.HttpProblem;
import app.atelier.web.Invalid;
import app.atelier.web.Paged;
import app.atelier.web.Paths;
import app.atelier.web.Viewer;
import app.atelier.web.Text;
import java.time.Clock;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jdbi.v3.core.Handle;

/** A challenge's reward plan, from the prize table set in draft to the prizes paid at decision. */
public final class RewardService {
    static final int LINES_PER_PAGE = 25;

    private final Database db;
    private final Clock clock;
    private final Ledger ledger;
    private final ChallengeService challenges;
    private final Notifier notifier;

    public RewardService(Database db, Clock clock, Ledger ledger, ChallengeService challenges, Notifier notifier) {
        this.db = db;
        this.clock = clock;
        this.ledger = ledger;
        this.challenges = challenges;
        this.notifier = notifier;
    }

    /** The rule that funds a contest as it opens and gives the pool back on cancellation, for {@link ChallengeService}. */
    public static MoveRule funding(Ledger ledger) {
        return new ContestFunding(ledger);
    }

    /** What the challenge page shows of the plan: the prizes before anyone contributes, the winners once decided. */
    public record Plan(PlanTerms terms, String currency, List<Award> awards, boolean editable, boolean decidable,
                       RoyaltyService.Royalty royalty, boolean managesRoyalty, List<Task> tasks, boolean mayPostTask, List<Offer> offers,
                       ReflectionService.Status reflection) {
        /** Recognition is always on: every challenge offers every badge. */
        public List<Badge> badges() {
            return List.of(Badge.values());
        }
    }

    public Plan plan(Viewer viewer, ChallengeService.Access access) {
        var challenge = access.challenge();
        return db.read(h -> {
            var rewards = h.attach(RewardDao.class);
            var terms = rewards.terms(challenge.id());
            var table = terms.prizes();
            boolean settled = table.contest() && ContestFunding.settled(ledger, h, challenge);
            return new Plan(terms, rewards.currency(challenge.organisationId()), table.contest() ? rewards.awards(challenge.id()) : List.of(),
                    access.manages() && challenge.state() == ChallengeState.DRAFT,
                    access.manages() && challenge.state() == ChallengeState.REVIEW && table.contest() && !settled,
                    RoyaltyService.royalty(h, viewer, access, terms.royaltyBp()),
                    access.manages() && terms.royalty() && (challenge.state() == ChallengeState.DECIDED || challenge.state() == ChallengeState.CLOSED),
                    h.attach(TaskDao.class).ofChallenge(challenge.id()),
                    access.manages() && challenge.state() != ChallengeState.DRAFT && challenge.state() != ChallengeState.CLOSED
                            && challenge.state() != ChallengeState.CANCELLED,
                    h.attach(OfferDao.class).ofChallenge(challenge.id()),
                    ReflectionService.status(h, viewer, access, terms.reflection(), clock.instant()));
        });
    }

    /** The plan as the manager edits it, while the challenge is a draft. */
    public record Draft(Challenge challenge, String currency, long wallet) {
    }

    public Draft draft(Viewer viewer, long challengeId) {
        return db.read(h -> {
            var challenge = draftOf(h, viewer, challengeId);
            String currency = h.attach(RewardDao.class).currency(challenge.organisationId());
            return new Draft(challenge, currency, ledger.balance(h, Account.wallet(challenge.organisationId(), currency)));
        });
    }

    public PlanTerms terms(long challengeId) {
        return db.read(h -> h.attach(RewardDao.class).terms(challengeId));
    }

    public void setPlan(Viewer viewer, long challengeId, PlanForm form, Locale locale) {
        db.execute(h -> {
            var challenge = draftOf(h, viewer, challengeId);
            var rewards = h.attach(RewardDao.class);
            rewards.save(challengeId, form.parse(locale, rewards.currency(challenge.organisationId())));
        });
    }

    private static Challenge draftOf(Handle h, Viewer viewer, long challengeId) {
        var access = ChallengeService.access(h, viewer, challengeId);
        if (!access.manages()) throw new HttpProblem.Forbidden();
        if (access.challenge().state() != ChallengeState.DRAFT) throw new HttpProblem.Conflict("reward.planFixed");
        return access.challenge();
    }

    /** The contributions a manager picks winners from, during review. */
    public record Decision(Challenge challenge, PrizeTable prizes, String currency, List<Candidate> candidates) {
    }

    public Decision decision(Viewer viewer, long challengeId) {
        return db.read(h -> decisionOf(h, viewer, challengeId));
    }

    private Decision decisionOf(Handle h, Viewer viewer, long challengeId) {
        var access = ChallengeService.access(h, viewer, challengeId);
        if (!access.manages()) throw new HttpProblem.Forbidden();
        var challenge = access.challenge();
        var rewards = h.attach(RewardDao.class);
        var table = rewards.prizeTable(challengeId);
        if (challenge.state() != ChallengeState.REVIEW || !table.contest() || ContestFunding.settled(ledger, h, challenge)) {
            throw new HttpProblem.Conflict("error.challengeState");
        }
        return new Decision(challenge, table, rewards.currency(challenge.organisationId()), rewards.candidates(challengeId));
    }

    /**
     * Pays the winners and decides the challenge, in one transaction with one key: the prizes move from the pool's hold
     * to each winner's earnings, what the pool does not award goes back to the wallet, and a second settlement pays
     * nothing. Only the pool is touched: offers and tasks hold their prices apart.
     *
     * @param ranks the contribution picked for each rank (1 for the first prize), ranks left out are not awarded
     */
    public void settle(Viewer viewer, long challengeId, Map<Integer, Long> ranks, List<Long> mentions) {
        db.execute(h -> {
            var decision = decisionOf(h, viewer, challengeId);
            var table = decision.prizes();
            var byId = new HashMap<Long, Candidate>();
            decision.candidates().forEach(c -> byId.put(c.id(), c));
            var picked = new HashSet<Long>();
            for (var pick : ranks.entrySet()) {
                if (pick.getKey() < 1 || pick.getKey() > table.prizes().size() || !byId.containsKey(pick.getValue())) {
                    throw Invalid.of("rank" + pick.getKey(), "error.choice");
                }
                if (!picked.add(pick.getValue())) throw Invalid.of("rank" + pick.getKey(), "reward.twice");
            }
            if (mentions.size() > table.mentions()) throw Invalid.of("mentions", "reward.tooManyMentions", table.mentions());
            for (long id : mentions) {
                if (!byId.containsKey(id)) throw Invalid.of("mentions", "error.choice");
                if (!picked.add(id)) throw Invalid.of("mentions", "reward.twice");
            }
            pay(h, viewer, decision, ranks, mentions, byId);
            challenges.move(h, viewer, challengeId, ChallengeState.DECIDED);
        });
        challenges.announceMoves();
    }

    private void pay(Handle h, Viewer viewer, Decision decision, Map<Integer, Long> ranks, List<Long> mentions, Map<Long, Candidate> byId) {
        var challenge = decision.challenge();
        String currency = decision.currency();
        var pool = ContestFunding.pool(h, challenge);
        var escrow = pool.account();
        var transfer = pool.transfer(Hold.Step.SETTLE, Event.PRIZES, challenge.title()).recordedBy(viewer.id());
        long awarded = 0;
        for (var pick : ranks.entrySet()) {
            long amount = decision.prizes().prizes().get(pick.getKey() - 1);
            transfer.move(escrow, Account.earnings(byId.get(pick.getValue()).authorId(), currency), amount);
            awarded = Math.addExact(awarded, amount);
        }
        for (long id : mentions) {
            transfer.move(escrow, Account.earnings(byId.get(id).authorId(), currency), decision.prizes().mentionAmount());
            awarded = Math.addExact(awarded, decision.prizes().mentionAmount());
        }
        long held = pool.balance(ledger, h);
        if (held > awarded) transfer.move(escrow, pool.wallet(), held - awarded);
        long transaction = ledger.record(h, transfer);
        var rewards = h.attach(RewardDao.class);
        ranks.forEach((rank, id) -> rewards.award(challenge.id(), rank, id, byId.get(id).authorId(), decision.prizes().prizes().get(rank - 1), transaction));
        mentions.forEach(id -> rewards.award(challenge.id(), 0, id, byId.get(id).authorId(), decision.prizes().mentionAmount(), transaction));
        var winners = java.util.stream.Stream.concat(ranks.values().stream(), mentions.stream()).map(id -> byId.get(id).authorId()).toList();
        notifier.notify(h, NotificationKind.REWARD, winners, viewer.id(), viewer.name(), challenge.title(), "reward.won",
                Paths.challenge(challenge.id()) + "#results", clock.instant());
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
                h.attach(RoyaltyDao.class).sharesOf(viewer.id())));
    }
}
