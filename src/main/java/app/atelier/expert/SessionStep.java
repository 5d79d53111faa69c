package app.atelier.expert;

import java.util.Set;

/**
 * What can be done to a booked session, by whom, from which state: the one table the service checks and the
 * session's page asks before it shows a button.
 */
public enum SessionStep {
    START(Set.of(Party.EXPERT), SessionState.BOOKED),
    CANCEL(Set.of(Party.EXPERT, Party.MANAGER), SessionState.BOOKED),
    END(Set.of(Party.EXPERT), SessionState.RUNNING),
    CONFIRM(Set.of(Party.MANAGER), SessionState.ENDED),
    DISPUTE(Set.of(Party.MANAGER), SessionState.ENDED),
    SETTLE(Set.of(Party.ADMIN), SessionState.DISPUTED);

    /** Who takes a step: the expert, a manager of the organisation that booked, a platform admin. */
    enum Party { EXPERT, MANAGER, ADMIN }

    @SuppressWarnings("ImmutableEnumChecker") // made by Set.of, which cannot change
    final Set<Party> parties;
    final SessionState from;

    SessionStep(Set<Party> parties, SessionState from) {
        this.parties = parties;
        this.from = from;
    }
}
