package app.atelier.reward;

import app.atelier.challenge.Challenge;
import app.atelier.challenge.ChallengeState;
import app.atelier.challenge.MoveRule;
import app.atelier.ledger.Account;
import app.atelier.ledger.Cause;
import app.atelier.ledger.Ledger;
import app.atelier.ledger.Transfer;
import app.atelier.web.Amount;
import app.atelier.web.HttpProblem;
import java.time.Duration;
import org.jdbi.v3.core.Handle;

/**
 * A contest's prize pool moves from the organisation's wallet into the challenge's escrow as the challenge opens,
 * and a challenge whose pool the wallet cannot cover stays a draft. A cancelled challenge gives back what its
 * escrow holds; a contest is decided only by settling it, with its winners. A decision starts the reflection
 * period of a plan that promises to pay what the organisation wishes.
 */
final class ContestFunding implements MoveRule {
    private final Ledger ledger;

    ContestFunding(Ledger ledger) {
        this.ledger = ledger;
    }

    static String fundKey(long challengeId) {
        return "challenge:" + challengeId + ":fund";
    }

    static String settleKey(long challengeId) {
        return "challenge:" + challengeId + ":settle";
    }

    @Override
    public void moving(Handle h, Challenge challenge, ChallengeState to) {
        var rewards = h.attach(RewardDao.class);
        long pool = rewards.prizeTable(challenge.id()).pool();
        String currency = rewards.currency(challenge.organisationId());
        var wallet = Account.wallet(challenge.organisationId(), currency);
        var escrow = Account.escrow(challenge.id(), currency);
        var cause = new Cause(Cause.CHALLENGE, challenge.id());
        switch (to) {
            case OPEN -> {
                if (pool == 0) return;
                try {
                    ledger.record(h, Transfer.of(fundKey(challenge.id()), "Prize pool of " + challenge.title(), cause).move(wallet, escrow, pool));
                } catch (Ledger.Insufficient refused) {
                    throw new HttpProblem.Conflict("reward.unfunded", new Amount(pool, currency), new Amount(refused.missing(), currency));
                }
            }
            case CANCELLED -> {
                long held = ledger.balance(h, escrow);
                if (held > 0) {
                    ledger.record(h, Transfer.of("challenge:" + challenge.id() + ":cancel", "Prize pool returned: " + challenge.title(), cause)
                            .move(escrow, wallet, held));
                }
            }
            case DECIDED -> {
                if (pool > 0 && !ledger.recorded(h, settleKey(challenge.id()))) throw new HttpProblem.Conflict("reward.pickWinners");
                var reflection = rewards.terms(challenge.id()).reflection();
                if (reflection.promised()) h.attach(ReflectionDao.class).begin(challenge.id(), ledger.now().plus(Duration.ofDays(reflection.days())));
            }
            default -> {
            }
        }
    }
}
