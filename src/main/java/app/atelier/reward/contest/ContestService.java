package app.atelier.reward.contest;

import app.atelier.challenge.Challenge;
import app.atelier.challenge.ChallengeService;
import app.atelier.challenge.ChallengeState;
import app.atelier.challenge.MoveRule;
import app.atelier.db.Database;
import app.atelier.invoice.Documents;
import app.atelier.ledger.Account;
import app.atelier.ledger.Event;
import app.atelier.ledger.Hold;
import app.atelier.ledger.Ledger;
import app.atelier.notification.Notice;
import app.atelier.notification.NotificationKind;
import app.atelier.notification.Notifier;
import app.atelier.recognition.KeptPoints;
import app.atelier.reward.plan.PlanDao;
import app.atelier.reward.plan.PrizeTable;
import app.atelier.web.HttpProblem;
import app.atelier.web.Invalid;
import app.atelier.web.Paths;
import app.atelier.web.Viewer;
import java.time.Clock;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.jdbi.v3.core.Handle;

/** A contest's decision: the jury picks winners beside the community's ranking, the pool pays them and gives back the rest. */
public final class ContestService {
    private final Database db;
    private final Clock clock;
    private final Ledger ledger;
    private final ChallengeService challenges;
    private final Notifier notifier;
    private final Documents documents;

    public ContestService(Database db, Clock clock, Ledger ledger, ChallengeService challenges, Notifier notifier, Documents documents) {
        this.db = db;
        this.documents = documents;
        this.clock = clock;
        this.ledger = ledger;
        this.challenges = challenges;
        this.notifier = notifier;
    }

    /** The rule that funds a contest as it opens and gives the pool back on cancellation, for {@link ChallengeService}. */
    public static MoveRule funding(Ledger ledger) {
        return new ContestFunding(ledger);
    }

    /** The winners of a decided contest, for its page. */
    public static List<Award> awards(Handle h, long challengeId) {
        return h.attach(ContestDao.class).awards(challengeId);
    }

    /** Whether the contest's winners were paid. */
    public static boolean settled(Ledger ledger, Handle h, Challenge challenge) {
        return ContestFunding.settled(ledger, h, challenge);
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
        var rewards = h.attach(PlanDao.class);
        var table = rewards.prizeTable(challengeId);
        if (challenge.state() != ChallengeState.REVIEW || !table.contest() || ContestFunding.settled(ledger, h, challenge)) {
            throw new HttpProblem.Conflict("error.challengeState");
        }
        return new Decision(challenge, table, rewards.currency(challenge.organisationId()), h.attach(ContestDao.class).candidates(challengeId));
    }

    /**
     * Pays the winners and decides the challenge, in one transaction with one key: the prizes move from the pool's hold
     * to each winner's earnings, what the pool does not award goes back to the wallet, and a second settlement pays
     * nothing. Only the pool is touched: offers and tasks hold their prices apart.
     *
     * @param ranks the contribution picked for each rank (1 for the first prize), ranks left out are not awarded
     */
    public void settle(Viewer viewer, long challengeId, Map<Integer, Long> ranks, List<Long> mentions, String outcome) {
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
            challenges.decide(h, viewer, challengeId, outcome);
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
        var rewards = h.attach(ContestDao.class);
        ranks.forEach((rank, id) -> {
            long amount = decision.prizes().prizes().get(rank - 1);
            rewards.award(challenge.id(), rank, id, byId.get(id).authorId(), amount, transaction);
            documents.prize(h, new Documents.Prize(challenge.organisationId(), byId.get(id).authorId(), "Prix n° " + rank + " du concours : " + challenge.title(),
                    currency, amount, transfer.key()));
        });
        mentions.forEach(id -> {
            rewards.award(challenge.id(), 0, id, byId.get(id).authorId(), decision.prizes().mentionAmount(), transaction);
            documents.prize(h, new Documents.Prize(challenge.organisationId(), byId.get(id).authorId(), "Mention du concours : " + challenge.title(), currency,
                    decision.prizes().mentionAmount(), transfer.key()));
        });
        Stream.concat(ranks.values().stream(), mentions.stream()).forEach(id -> KeptPoints.settle(h, clock.getZone(), id));
        var winners = Stream.concat(ranks.values().stream(), mentions.stream()).map(id -> byId.get(id).authorId()).toList();
        notifier.notify(h, Notice.by(viewer, NotificationKind.REWARD, challenge.title(), "reward.won", Paths.challenge(challenge.id()) + "#results"),
                winners, clock.instant());
    }

}
