package app.atelier.notification;

import java.time.Instant;

public record OutboxEmail(long id, Long memberId, String toAddress, String subject, String body, boolean digest, Instant createdAt,
                          int attempts, Instant nextAttemptAt, String lastError, Instant sentAt) {
}
