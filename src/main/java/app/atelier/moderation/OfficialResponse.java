package app.atelier.moderation;

import app.atelier.contribution.ContributionStatus;
import java.time.Instant;

public record OfficialResponse(long id, long contributionId, String authorName, ContributionStatus status, String body, Instant createdAt,
                               boolean automatic) {
}
