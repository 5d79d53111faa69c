package app.atelier.challenge;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/** What a contributor can bring to a challenge. */
public enum ContributionKind {
    IDEA, TEST_REPORT, EXPERIENCE, VALIDATION, DESIGN;

    public String key() {
        return "kind." + name().toLowerCase(Locale.ROOT);
    }

    static String join(Set<ContributionKind> kinds) {
        return kinds.stream().map(Enum::name).sorted().collect(Collectors.joining(","));
    }

    static Set<ContributionKind> split(String kinds) {
        return Arrays.stream(kinds.split(",")).filter(s -> !s.isBlank()).map(ContributionKind::valueOf)
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(ContributionKind.class)));
    }
}
