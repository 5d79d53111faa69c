package app.atelier.contribution;

import java.time.Instant;

public record OfficialResponse(long id, long contributionId, String authorName, ContributionStatus status, String body, Instant createdAt,
                               boolean automatic) {
}
