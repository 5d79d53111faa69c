package app.atelier.challenge;

import app.atelier.db.NameList;
import java.util.Locale;
import java.util.Set;

/** What a contributor can bring to a challenge. */
public enum ContributionKind {
    IDEA, TEST_REPORT, EXPERIENCE, VALIDATION, DESIGN,
    /** What an inside-out challenge takes, and it alone: who would put the company's technology to use, and how. */
    APPLICATION;

    public String key() {
        return "kind." + name().toLowerCase(Locale.ROOT);
    }

    static String join(Set<ContributionKind> values) {
        return NameList.join(values);
    }

    static Set<ContributionKind> split(String names) {
        return NameList.split(ContributionKind.class, names);
    }
}
