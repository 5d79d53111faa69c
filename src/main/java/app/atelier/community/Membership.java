package app.atelier.community;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** A member's place in an organisation's community, with the profile they applied with. */
public record Membership(long organisationId, long memberId, String memberName, MembershipState state, String city,
                         String country, String ageRange, String occupation, String productUse, String skills,
                         String motivation, String decisionMessage, Instant appliedAt, Instant decidedAt) {

    /** What the member said of themselves, blank parts left out: a member who came by invitation may have said nothing. */
    public List<String> profile() {
        String place = Stream.of(city, country).filter(part -> !part.isBlank()).collect(Collectors.joining(", "));
        return Stream.of(occupation, place, ageRange).filter(part -> !part.isBlank()).toList();
    }

    public Set<String> tags() {
        return tags(skills);
    }

    static Set<String> tags(String list) {
        return Arrays.stream(list.split(",")).map(String::strip).filter(s -> !s.isEmpty()).collect(Collectors.toCollection(TreeSet::new));
    }
}
