package app.atelier.expert;

import java.util.Locale;

/** Where a booked session stands. */
public enum SessionState {
    /** Booked; its cost held. */
    BOOKED,
    /** Started by the expert. */
    RUNNING,
    /** Ended and billed, the rest of the hold released; waiting for the organisation to confirm. */
    ENDED,
    /** The organisation disputes the bill; a platform admin decides. */
    DISPUTED,
    /** Paid to the expert, less any refund. */
    PAID,
    /** Never started: the whole hold went back after its slot. */
    EXPIRED,
    /** Called off before it started, by either side: the whole hold went back. */
    CANCELLED;

    /** Over without having started, its whole hold given back. */
    public boolean neverStarted() {
        return this == EXPIRED || this == CANCELLED;
    }

    public String key() {
        return "session.state." + name().toLowerCase(Locale.ROOT);
    }
}
