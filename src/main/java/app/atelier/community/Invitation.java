package app.atelier.community;

import java.time.Instant;

/** A single-use link into an organisation's community, named by who sent it and to which address. */
public record Invitation(long organisationId, String organisationName, String email, String inviterName, Instant usedAt, Instant expiresAt) {

    public enum State { OPEN, USED, EXPIRED }

    public State state(Instant now) {
        if (usedAt != null) return State.USED;
        return now.isBefore(expiresAt) ? State.OPEN : State.EXPIRED;
    }
}
