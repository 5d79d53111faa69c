package app.atelier.contribution;

import java.util.Locale;

/** Where a contribution stands; changed only with an official response. */
public enum ContributionStatus {
    SUBMITTED, UNDER_REVIEW, SHORTLISTED, ACCEPTED, IN_DEVELOPMENT, IMPLEMENTED, DECLINED, DUPLICATE;

    public String key() {
        return "status." + name().toLowerCase(Locale.ROOT);
    }
}
