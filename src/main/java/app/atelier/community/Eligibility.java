package app.atelier.community;

import java.util.Locale;

/** Whether a viewer may take part in a challenge, and if not, why. */
public enum Eligibility {
    ELIGIBLE, SIGN_IN, NOT_MEMBER, PENDING, DECLINED, REMOVED, SUSPENDED, OUTSIDE_SEGMENT;

    public boolean allowed() {
        return this == ELIGIBLE;
    }

    /** Whether applying to the community is the way in. */
    public boolean canApply() {
        return this == NOT_MEMBER || this == DECLINED;
    }

    public String key() {
        return "eligibility." + name().toLowerCase(Locale.ROOT);
    }
}
