package app.atelier.invoice;

import java.time.Duration;
import java.time.Instant;
import java.util.Locale;

/**
 * A payee's objection to an invoice Atelier issued in its name, as the self-billing mandate allows within
 * {@link #WINDOW} of its issue, and the admin's answer once given.
 */
public record Objection(String reason, Instant objectedAt, Outcome outcome, String answer, Instant answeredAt) {
    /** How long after its issue a payee may object to an invoice issued in its name. */
    public static final Duration WINDOW = Duration.ofDays(30);

    public enum Outcome {
        /** Cancelled by a credit note, and issued again with the parties as they now are. */
        CORRECTED,
        /** Kept as issued, the admin said why. */
        KEPT;

        public String key() {
            return "objection." + name().toLowerCase(Locale.ROOT);
        }
    }

    public boolean answered() {
        return outcome != null;
    }
}
