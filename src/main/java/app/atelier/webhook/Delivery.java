package app.atelier.webhook;

import java.time.Instant;

/** One event for one endpoint: what was sent, how often, and how its last attempt went (an HTTP status, or why none came). */
public record Delivery(long id, long endpointId, String messageId, String event, String payload, Instant createdAt, int attempts, Instant nextAttemptAt,
                       Instant lastAttemptAt, Integer lastStatus, String lastError, Long lastMillis, Instant deliveredAt) {
    public boolean delivered() {
        return deliveredAt != null;
    }
}
