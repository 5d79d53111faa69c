package app.atelier.reward.contest;

/** A prize given: the rank it was for (0 for an honourable mention), the contribution, its author and the amount. */
public record Award(int place, long contributionId, String title, long memberId, String memberName, long amount) {
    public boolean mention() {
        return place == 0;
    }
}
