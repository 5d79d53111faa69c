package app.atelier.reward;

import app.atelier.challenge.Challenge;
import app.atelier.challenge.ChallengeService;
import app.atelier.challenge.ChallengeState;
import app.atelier.db.Database;
import app.atelier.ledger.Account;
import app.atelier.ledger.Ledger;
import app.atelier.recognition.Badge;
import app.atelier.reward.contest.Award;
import app.atelier.reward.contest.ContestService;
import app.atelier.reward.market.MarketService;
import app.atelier.reward.market.Offer;
import app.atelier.reward.market.Task;
import app.atelier.reward.market.TaskService;
import app.atelier.reward.plan.PlanDao;
import app.atelier.reward.plan.PlanForm;
import app.atelier.reward.plan.PlanTerms;
import app.atelier.reward.reflection.ReflectionService;
import app.atelier.reward.royalty.RoyaltyService;
import app.atelier.web.HttpProblem;
import app.atelier.web.Viewer;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import org.jdbi.v3.core.Handle;

/**
 * A challenge's reward plan: set in draft, and as the challenge page shows it, gathering what each model adds (the
 * contest's prizes and winners, the royalty, paid tasks and offers, pay what you wish after reflection).
 */
public final class RewardService {
    private final Database db;
    private final Clock clock;
    private final Ledger ledger;

    public RewardService(Database db, Clock clock, Ledger ledger) {
        this.db = db;
        this.clock = clock;
        this.ledger = ledger;
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
            var rewards = h.attach(PlanDao.class);
            var terms = rewards.terms(challenge.id());
            var table = terms.prizes();
            boolean settled = table.contest() && ContestService.settled(ledger, h, challenge);
            return new Plan(terms, rewards.currency(challenge.organisationId()), table.contest() ? ContestService.awards(h, challenge.id()) : List.of(),
                    access.manages() && challenge.state() == ChallengeState.DRAFT,
                    access.manages() && challenge.state() == ChallengeState.REVIEW && table.contest() && !settled,
                    RoyaltyService.royalty(h, viewer, access, terms.royaltyBp()),
                    access.manages() && terms.royalty() && (challenge.state() == ChallengeState.DECIDED || challenge.state() == ChallengeState.CLOSED),
                    TaskService.ofChallenge(h, challenge.id()),
                    access.manages() && challenge.state() != ChallengeState.DRAFT && challenge.state() != ChallengeState.CLOSED
                            && challenge.state() != ChallengeState.CANCELLED,
                    MarketService.ofChallenge(h, challenge.id()),
                    ReflectionService.status(h, viewer, access, terms.reflection(), clock.instant()));
        });
    }

    /** The plan as the manager edits it, while the challenge is a draft. */
    public record Draft(Challenge challenge, String currency, long wallet) {
    }

    public Draft draft(Viewer viewer, long challengeId) {
        return db.read(h -> {
            var challenge = draftOf(h, viewer, challengeId);
            String currency = h.attach(PlanDao.class).currency(challenge.organisationId());
            return new Draft(challenge, currency, ledger.balance(h, Account.wallet(challenge.organisationId(), currency)));
        });
    }

    public PlanTerms terms(long challengeId) {
        return db.read(h -> h.attach(PlanDao.class).terms(challengeId));
    }

    public void setPlan(Viewer viewer, long challengeId, PlanForm form, Locale locale) {
        db.execute(h -> {
            var challenge = draftOf(h, viewer, challengeId);
            var rewards = h.attach(PlanDao.class);
            rewards.save(challengeId, form.parse(locale, rewards.currency(challenge.organisationId())));
        });
    }

    private static Challenge draftOf(Handle h, Viewer viewer, long challengeId) {
        var access = ChallengeService.access(h, viewer, challengeId);
        if (!access.manages()) throw new HttpProblem.Forbidden();
        if (access.challenge().state() != ChallengeState.DRAFT) throw new HttpProblem.Conflict("reward.planFixed");
        return access.challenge();
    }

}
