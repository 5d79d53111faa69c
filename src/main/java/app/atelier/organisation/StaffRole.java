package app.atelier.organisation;

import java.util.Locale;

/** What a member does for an organisation. The owner is also a manager. */
public enum StaffRole {
    OWNER, MANAGER, MODERATOR;

    public boolean manages() {
        return this == OWNER || this == MANAGER;
    }

    public String key() {
        return "role." + name().toLowerCase(Locale.ROOT);
    }
}
