package app.atelier.community;

import java.util.Locale;

public enum MembershipState {
    APPLIED, APPROVED, DECLINED, REMOVED;

    public String key() {
        return "membership." + name().toLowerCase(Locale.ROOT);
    }
}
