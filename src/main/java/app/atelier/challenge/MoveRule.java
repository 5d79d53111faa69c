package app.atelier.challenge;

import app.atelier.web.HttpProblem;
import org.jdbi.v3.core.Handle;

/**
 * What must hold, or happen, when a challenge moves to another state, decided by a feature above this one (the
 * reward plan funds a contest as it opens). It runs inside the move's write transaction and refuses the move by
 * throwing an {@link HttpProblem}, which undoes the move and whatever the rule wrote.
 */
public interface MoveRule {
    MoveRule NONE = (h, challenge, to) -> {
    };

    void moving(Handle h, Challenge challenge, ChallengeState to);
}
