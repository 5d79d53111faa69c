package app.atelier.reward.contest;

/** A contribution a manager may pick as a winner, with the votes the community gave it. */
public record Candidate(long id, String title, long authorId, String authorName, long voteCount) {
}
