package app.atelier.challenge;

import java.util.Locale;

/**
 * Who sees a challenge: everyone; only the members eligible to take part (and the staff); or everyone sees the
 * challenge but each contribution is seen only by its author and the organisation's staff, as contests need.
 */
public enum Visibility {
    PUBLIC, PRIVATE, CONFIDENTIAL;

    public String key() {
        return "visibility." + name().toLowerCase(Locale.ROOT);
    }
}
