package app.atelier.contribution;

import java.time.Instant;

public record Comment(long id, long contributionId, long authorId, String authorName, Long parentId, String body,
                      boolean deleted, Instant createdAt, Instant updatedAt, boolean hidden,
                      String hiddenReason, Instant helpfulAt) {
    /** Marked helpful by the organisation's staff. */
    public boolean helpful() {
        return helpfulAt != null;
    }


    public boolean edited() {
        return updatedAt.isAfter(createdAt);
    }

    public FlagBox flagBox() {
        return FlagBox.of(ItemType.COMMENT, id);
    }
}
