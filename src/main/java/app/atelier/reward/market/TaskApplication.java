package app.atelier.reward.market;

import java.time.Instant;

/** A contributor's application for a paid task, with what they say about how they would do it. */
public record TaskApplication(long memberId, String memberName, String pitch, Instant appliedAt) {
}
