package app.atelier.contribution;

import java.time.Instant;

/**
 * Trending: votes weighted by age. Ten times the votes count as much as being {@value #HALF_DAY_SECONDS}
 * seconds newer, so a fresh idea with a few votes rises above an old one with many. The score depends only
 * on the votes and the time of submission, not on now, so it is stored on the row and indexed.
 */
public final class Ranking {
    static final long HALF_DAY_SECONDS = 45_000;

    private Ranking() {
    }

    public static double trending(long votes, Instant submittedAt) {
        return Math.log10((double) Math.max(votes, 0) + 1) + (double) submittedAt.getEpochSecond() / HALF_DAY_SECONDS;
    }
}
