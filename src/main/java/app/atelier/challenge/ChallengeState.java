package app.atelier.challenge;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/** {@code draft -> open -> voting (optional) -> review -> decided -> closed}, or cancelled before decided. */
public enum ChallengeState {
    DRAFT, OPEN, VOTING, REVIEW, DECIDED, CLOSED, CANCELLED;

    /** Where a manager may move a challenge from here. */
    public Set<ChallengeState> next() {
        return switch (this) {
            case DRAFT -> EnumSet.of(OPEN, CANCELLED);
            case OPEN -> EnumSet.of(VOTING, REVIEW, CANCELLED);
            case VOTING -> EnumSet.of(REVIEW, CANCELLED);
            case REVIEW -> EnumSet.of(DECIDED, CANCELLED);
            case DECIDED -> EnumSet.of(CLOSED);
            case CLOSED, CANCELLED -> EnumSet.noneOf(ChallengeState.class);
        };
    }

    public boolean acceptsContributions() {
        return this == OPEN;
    }

    public boolean acceptsVotes() {
        return this == OPEN || this == VOTING;
    }

    public boolean acceptsComments() {
        return this != DRAFT && this != CLOSED && this != CANCELLED;
    }

    public boolean editable() {
        return this == DRAFT || this == OPEN;
    }

    public String key() {
        return "state." + name().toLowerCase(Locale.ROOT);
    }

    /** The words on the button that moves a challenge into this state. */
    public String actionKey() {
        return "challenge.moveTo." + name().toLowerCase(Locale.ROOT);
    }
}
