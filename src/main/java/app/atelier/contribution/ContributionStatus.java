package app.atelier.contribution;

import java.util.Arrays;
import java.util.Locale;

/** Where a contribution stands; changed only with an official response. */
public enum ContributionStatus {
    SUBMITTED, UNDER_REVIEW, SHORTLISTED, ACCEPTED, IN_DEVELOPMENT, IMPLEMENTED, DECLINED, DUPLICATE;

    /** The status a list is filtered by, or null for all of them. */
    public static ContributionStatus fromParam(String value) {
        return Arrays.stream(values()).filter(s -> s.name().equals(value)).findFirst().orElse(null);
    }

    /** Accepted by the organisation, or further on its way to the product: what a marketplace price can be offered for. */
    public boolean accepted() {
        return this == ACCEPTED || this == IN_DEVELOPMENT || this == IMPLEMENTED;
    }

    public String key() {
        return "status." + name().toLowerCase(Locale.ROOT);
    }
}
