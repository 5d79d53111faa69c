package app.atelier.reward.royalty;

/**
 * A contributor's share of a challenge's royalty: the weight the manager set, or until then their accepted
 * contributions, which is where the weight starts.
 */
public record Share(long memberId, String memberName, long accepted, Long weight) {
    public long effectiveWeight() {
        return weight != null ? weight : accepted;
    }
}
