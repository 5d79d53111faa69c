package app.atelier.bank;

import java.time.Instant;
import org.jdbi.v3.core.mapper.Nested;

/** The account a payee's payouts are sent to, since when, and until when a change of it holds their payouts. */
public record PayeeAccount(@Nested BankAccount account, Instant changedAt, Instant heldUntil) {
    /** Whether a recent change still holds the payouts: long enough for the payee to hear of it at their address, and object. */
    public boolean held(Instant now) {
        return now.isBefore(heldUntil);
    }
}
