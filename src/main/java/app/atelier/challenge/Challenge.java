package app.atelier.challenge;

import app.atelier.community.Segment;
import java.time.Instant;
import java.util.Set;

public record Challenge(long id, long organisationId, String organisationName, String title, String brief,
                        Stage stage, Mode mode, String kinds, ChallengeState state, Instant opensAt,
                        Instant closesAt, Instant openedAt, Instant createdAt, long contributionCount,
                        String segmentTags, String segmentCountry, String segmentAgeRange, String segmentOccupation,
                        Instant votingClosesAt, Integer voteBudget, Integer reviewThreshold, Visibility visibility,
                        String ipTerms, int termsVersion) {

    public boolean hasTerms() {
        return !ipTerms.isBlank();
    }

    public Segment segment() {
        return new Segment(segmentTags, segmentCountry, segmentAgeRange, segmentOccupation);
    }

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
