package app.atelier.contribution;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/** Where a contribution stands; changed only with an official response. */
public enum ContributionStatus {
    SUBMITTED, UNDER_REVIEW, SHORTLISTED, ACCEPTED, IN_DEVELOPMENT, IMPLEMENTED, DROPPED, DECLINED, DUPLICATE;

    /** Taken up by the organisation at some point: what its follow-up tells of, up to a launch or a drop. */
    public static final Set<ContributionStatus> TAKEN = EnumSet.of(ACCEPTED, IN_DEVELOPMENT, IMPLEMENTED, DROPPED);

    /** The status a list is filtered by, or null for all of them. */
    public static ContributionStatus fromParam(String value) {
        return Arrays.stream(values()).filter(s -> s.name().equals(value)).findFirst().orElse(null);
    }

    /** Accepted by the organisation, or further on its way to the product: what a marketplace price can be offered for. */
    public boolean accepted() {
        return this == ACCEPTED || this == IN_DEVELOPMENT || this == IMPLEMENTED;
    }

    /** Only what was taken up can be dropped later, with the reason its response gives. */
    public boolean mayFollow(ContributionStatus current) {
        return this != DROPPED || current.accepted();
    }

    public String key() {
        return "status." + name().toLowerCase(Locale.ROOT);
    }
}
