package app.atelier.community;

import java.util.Collections;
import java.util.Set;

/**
 * The approved members a community challenge is narrowed to. Each criterion left empty lets everyone through;
 * tags match when the member has at least one of them.
 */
public record Segment(String tags, String country, String ageRange, String occupation) {
    public static final Segment EVERYONE = new Segment("", "", "", "");

    public boolean narrows() {
        return !equals(EVERYONE);
    }

    public Set<String> tagSet() {
        return Membership.tags(tags);
    }

    public boolean matches(Membership m) {
        return (tags.isEmpty() || !Collections.disjoint(tagSet(), m.tags()))
                && (country.isEmpty() || country.equalsIgnoreCase(m.country()))
                && (ageRange.isEmpty() || ageRange.equals(m.ageRange()))
                && (occupation.isEmpty() || occupation.equalsIgnoreCase(m.occupation()));
    }
}
