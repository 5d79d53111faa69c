package app.atelier.audit;

import java.time.Instant;

public record AuditEntry(long id, String actorName, String action, String subject, String detail, Instant createdAt) {
}
