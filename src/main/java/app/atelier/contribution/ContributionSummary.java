package app.atelier.contribution;

import app.atelier.challenge.ContributionKind;
import java.time.Instant;

/** A contribution as lists show it: the start of its text, not all of it. */
public record ContributionSummary(long id, long challengeId, String challengeTitle, String title, String excerpt,
                                  long authorId, String authorName, ContributionKind kind, ContributionStatus status,
                                  long voteCount, long commentCount, Instant createdAt, String latestResponse,
                                  boolean hidden, double trending, long shuffleKey) {
    public VoteBox voteBox(boolean voted, boolean canVote, Integer votesLeft, String back) {
        return VoteBox.of(id, title, hidden, status, voteCount, voted, canVote, votesLeft, back);
    }
}
