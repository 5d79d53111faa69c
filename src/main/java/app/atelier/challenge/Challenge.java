package app.atelier.challenge;

import java.time.Instant;
import java.util.Set;

public record Challenge(long id, long organisationId, String organisationName, String title, String brief,
                        Stage stage, Mode mode, String kinds, ChallengeState state, Instant opensAt,
                        Instant closesAt, Instant openedAt, Instant createdAt, long contributionCount) {

    public Set<ContributionKind> acceptedKinds() {
        return ContributionKind.split(kinds);
    }

    /** The accepted kinds a contributor can write today. */
    public Set<ContributionKind> writableKinds() {
        var kinds = acceptedKinds();
        kinds.retainAll(ContributionKind.WRITTEN);
        return kinds;
    }
}
