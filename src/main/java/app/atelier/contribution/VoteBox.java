package app.atelier.contribution;

import app.atelier.web.Page;

/**
 * A contribution's vote count with the button that adds or takes back the viewer's vote; a viewer whose vote budget
 * is spent is told so instead of offered a vote they could not give.
 * @param title what the button's label names; empty for a hidden contribution, whose title is not repeated
 * @param outOfVotes the viewer may vote here, but has given every vote of their budget
 */
public record VoteBox(long id, String title, long count, boolean voted, boolean canVote, boolean outOfVotes, String back) implements Page {
    @Override
    public String template() {
        return "contribution/votes.jte";
    }


    /**
     * The box for a contribution; a hidden one or a merged duplicate takes no votes and its title is not said.
     *
     * @param votesLeft what remains of the viewer's budget, null when the challenge sets none
     */
    public static VoteBox of(long id, String title, boolean hidden, ContributionStatus status, long count, boolean voted,
                             boolean canVote, Integer votesLeft, String back) {
        boolean counts = !hidden && status != ContributionStatus.DUPLICATE;
        boolean spent = !voted && votesLeft != null && votesLeft == 0;
        return new VoteBox(id, hidden ? "" : title, count, voted, canVote && counts && !spent, canVote && counts && spent, back);
    }

    public VoteBox withBack(String back) {
        return new VoteBox(id, title, count, voted, canVote, outOfVotes, back);
    }
}
