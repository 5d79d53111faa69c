package app.atelier.notification;

import java.time.Instant;
import java.util.regex.Pattern;

/** @param calendar an iCalendar invitation sent with it, or null */
public record OutboxEmail(long id, Long memberId, String toAddress, String subject, String body, boolean digest, Instant createdAt,
                          int attempts, Instant nextAttemptAt, String lastError, Instant sentAt, Instant failedAt, String calendar) {
    /** The secret part of a link that opens something: an invitation, an address to verify, a password to reset. */
    private static final Pattern SECRET = Pattern.compile("(/(?:invitations|verify|password/reset)/)[A-Za-z0-9_-]{8,}");

    /** The same email with the secrets of its links masked, for eyes other than the recipient's. */
    public OutboxEmail masked() {
        return new OutboxEmail(id, memberId, toAddress, subject, SECRET.matcher(body).replaceAll("$1…"), digest, createdAt, attempts,
                nextAttemptAt, lastError, sentAt, failedAt, calendar);
    }
}
