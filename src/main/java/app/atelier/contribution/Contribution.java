package app.atelier.contribution;

import app.atelier.challenge.ContributionKind;
import java.time.Instant;

public record Contribution(long id, long challengeId, long authorId, String authorName, ContributionKind kind,
                           String title, String body, ContributionStatus status, long voteCount, long commentCount,
                           Instant createdAt, Instant updatedAt, Long duplicateOf, String duplicateOfTitle,
                           boolean hidden, String hiddenReason, Integer rating, Long helpfulBy) {

    /** The same, merged into an original the viewer may not open: its title and address are not said. */
    Contribution withOriginalUnnamed() {
        return new Contribution(id, challengeId, authorId, authorName, kind, title, body, status, voteCount, commentCount,
                createdAt, updatedAt, duplicateOf, null, hidden, hiddenReason, rating, helpfulBy);
    }

    /** Marked helpful by the organisation's staff. */
    public boolean helpful() {
        return helpfulBy != null;
    }

    public boolean edited() {
        return updatedAt.isAfter(createdAt);
    }
}
