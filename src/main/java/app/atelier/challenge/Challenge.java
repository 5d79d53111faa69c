package app.atelier.challenge;

import app.atelier.community.Segment;
import java.time.Instant;
import java.util.Set;

public record Challenge(long id, long organisationId, String organisationName, String title, String brief,
                        Stage stage, Mode mode, String kinds, ChallengeState state, Instant opensAt,
                        Instant closesAt, Instant openedAt, Instant createdAt, long contributionCount,
                        String segmentTags, String segmentCountry, String segmentAgeRange, String segmentOccupation,
                        Instant votingClosesAt, Integer voteBudget, Integer reviewThreshold, Visibility visibility,
                        String ipTerms, int termsVersion, int questionCount, int hypothesisCount, String organisationLogo, String cover,
                        boolean technologyDescribed) {

    public boolean insideOut() {
        return mode == Mode.INSIDE_OUT;
    }

    public boolean hasTerms() {
        return !ipTerms.isBlank();
    }

    public Segment segment() {
        return new Segment(segmentTags, segmentCountry, segmentAgeRange, segmentOccupation);
    }

    public Set<ContributionKind> acceptedKinds() {
        return ContributionKind.split(kinds);
    }

    /**
     * The accepted kinds a contributor can write: a test report needs a questionnaire, a validation a hypothesis,
     * an application proposal the technology sheet.
     */
    public Set<ContributionKind> writableKinds() {
        var kinds = acceptedKinds();
        kinds.removeIf(kind -> !canWrite(kind));
        return kinds;
    }

    public boolean canWrite(ContributionKind kind) {
        return switch (kind) {
            case TEST_REPORT -> questionCount > 0;
            case VALIDATION -> hypothesisCount > 0;
            case APPLICATION -> technologyDescribed;
            default -> true;
        };
    }

    /** Whether every kind the challenge lists can be written, as it must be before it opens. */
    public boolean allKindsWritable() {
        return writableKinds().equals(acceptedKinds());
    }

    /** What the managers must write before the challenge opens: the technology sheet, or the questions. */
    public String missingBeforeOpening() {
        if (allKindsWritable()) return null;
        return insideOut() ? "error.technologyFirst" : "error.questionsFirst";
    }
}
