package app.atelier.contribution;

/** A contribution's vote count with the button that adds or takes back the viewer's vote. */
public record VoteBox(long id, String title, long count, boolean voted, boolean canVote, String back) {

    public VoteBox withBack(String back) {
        return new VoteBox(id, title, count, voted, canVote, back);
    }
}
