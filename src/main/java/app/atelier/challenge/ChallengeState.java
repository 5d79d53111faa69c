package app.atelier.challenge;

import java.util.Locale;

/** {@code draft -> open -> voting -> review -> decided -> closed}, or cancelled before decided. */
public enum ChallengeState {
    DRAFT, OPEN, VOTING, REVIEW, DECIDED, CLOSED, CANCELLED;

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
}
