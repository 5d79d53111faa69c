package app.atelier.proposal;

import java.time.Instant;

/** One message of a private conversation about an application proposal. */
public record Message(long id, long authorId, String authorName, String body, Instant createdAt) {
}
