package app.atelier.reward.contest;

import app.atelier.challenge.Challenge;
import app.atelier.challenge.ChallengeState;
import app.atelier.challenge.MoveRule;
import app.atelier.fee.FeeRates;
import app.atelier.invoice.BillingService;
import app.atelier.ledger.Event;
import app.atelier.ledger.Hold;
import app.atelier.ledger.Ledger;
import app.atelier.reward.plan.PlanDao;
import app.atelier.reward.reflection.ReflectionService;
import app.atelier.web.Amount;
import app.atelier.web.HttpProblem;
import java.time.Duration;
import org.jdbi.v3.core.Handle;

/**
 * A contest's prize pool moves from the organisation's wallet into the pool's hold as the challenge opens, and a
 * challenge whose pool the wallet cannot cover stays a draft; the plan's terms are published then, the fee rate in
 * force frozen on it. A cancelled challenge gives back what the pool holds, and nothing else: accepted offers and
 * tasks keep their own holds and stay payable. A contest is decided only by settling it, with its winners. A decision
 * starts the reflection period of a plan that promises to pay what the organisation wishes.
 */
final class ContestFunding implements MoveRule {
    private final Ledger ledger;

    ContestFunding(Ledger ledger) {
        this.ledger = ledger;
    }

    static Hold pool(Handle h, Challenge challenge) {
        return Hold.pool(challenge.id(), challenge.organisationId(), h.attach(PlanDao.class).currency(challenge.organisationId()));
    }

    static boolean settled(Ledger ledger, Handle h, Challenge challenge) {
        return ledger.recorded(h, pool(h, challenge).key(Hold.Step.SETTLE));
    }

    @Override
    public void moving(Handle h, Challenge challenge, ChallengeState to) {
        var rewards = h.attach(PlanDao.class);
        long pool = rewards.prizeTable(challenge.id()).pool();
        var hold = pool(h, challenge);
        switch (to) {
            case OPEN -> {
                rewards.freezeFee(challenge.id(), FeeRates.current(h).rateBp());
                if (pool == 0) return;
                BillingService.requireBilling(h, challenge.organisationId());
                try {
                    hold.take(ledger, h, Hold.Step.FUND, pool, Event.POOL_HELD, challenge.title());
                } catch (Ledger.Insufficient refused) {
                    String currency = hold.account().currency();
                    throw new HttpProblem.Conflict("reward.unfunded", new Amount(pool, currency), new Amount(refused.missing(), currency));
                }
            }
            case CANCELLED -> {
                long held = hold.balance(ledger, h);
                if (held > 0) hold.giveBack(ledger, h, Hold.Step.CANCEL, held, Event.POOL_RETURNED, challenge.title());
            }
            case DECIDED -> {
                if (pool > 0 && !settled(ledger, h, challenge)) throw new HttpProblem.Conflict("reward.pickWinners");
                var reflection = rewards.terms(challenge.id()).reflection();
                if (reflection.promised()) ReflectionService.begin(h, challenge.id(), ledger.now().plus(Duration.ofDays(reflection.days())));
            }
            default -> {
            }
        }
    }
}
