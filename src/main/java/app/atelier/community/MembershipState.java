package app.atelier.community;

import java.util.Locale;

public enum MembershipState {
    APPLIED, APPROVED, DECLINED, REMOVED;

    /** Whether a member in this state may send their application (again, or changed): not once in, nor once removed. */
    public boolean mayApply() {
        return this == APPLIED || this == DECLINED;
    }

    public String key() {
        return "membership." + name().toLowerCase(Locale.ROOT);
    }
}
