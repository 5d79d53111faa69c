package app.atelier.challenge;

import static app.atelier.challenge.ContributionKind.DESIGN;
import static app.atelier.challenge.ContributionKind.EXPERIENCE;
import static app.atelier.challenge.ContributionKind.IDEA;
import static app.atelier.challenge.ContributionKind.TEST_REPORT;
import static app.atelier.challenge.ContributionKind.VALIDATION;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/** The stage of a product's life that a challenge targets, with the kinds of contribution that fit it. */
public enum Stage {
    IDEA_GENERATION(EnumSet.of(IDEA)),
    CONCEPT_TEST(EnumSet.of(TEST_REPORT, VALIDATION)),
    FEASIBILITY(EnumSet.of(IDEA, VALIDATION)),
    PROTOTYPING(EnumSet.of(TEST_REPORT, VALIDATION)),
    FINAL_PRODUCT_TEST(EnumSet.of(TEST_REPORT, VALIDATION)),
    PACKAGING(EnumSet.of(DESIGN)),
    COMMUNICATION(EnumSet.of(DESIGN)),
    LAUNCH(EnumSet.of(EXPERIENCE)),
    PROMOTION(EnumSet.of(EXPERIENCE));

    @SuppressWarnings("ImmutableEnumChecker") // handed out only as a copy
    private final Set<ContributionKind> defaultKinds;

    Stage(Set<ContributionKind> defaultKinds) {
        this.defaultKinds = defaultKinds;
    }

    public Set<ContributionKind> defaultKinds() {
        return EnumSet.copyOf(defaultKinds);
    }

    public String key() {
        return "stage." + name().toLowerCase(Locale.ROOT);
    }
}
