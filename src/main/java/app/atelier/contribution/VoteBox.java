package app.atelier.contribution;

import app.atelier.web.Page;

/**
 * A contribution's vote count with the button that adds or takes back the viewer's vote.
 * @param title what the button's label names; empty for a hidden contribution, whose title is not repeated
 */
public record VoteBox(long id, String title, long count, boolean voted, boolean canVote, String back) implements Page {
    @Override
    public String template() {
        return "contribution/votes.jte";
    }


    /** The box for a contribution; a hidden one or a merged duplicate takes no votes and its title is not said. */
    public static VoteBox of(long id, String title, boolean hidden, ContributionStatus status, long count, boolean voted,
                             boolean canVote, String back) {
        boolean counts = !hidden && status != ContributionStatus.DUPLICATE;
        return new VoteBox(id, hidden ? "" : title, count, voted, canVote && counts, back);
    }

    public VoteBox withBack(String back) {
        return new VoteBox(id, title, count, voted, canVote, back);
    }
}
