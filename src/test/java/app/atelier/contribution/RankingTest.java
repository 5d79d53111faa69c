package app.atelier.contribution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class RankingTest {
    private static final Instant T = Instant.parse("2026-05-01T12:00:00Z");

    @Test
    void moreVotesRankHigherAtTheSameAge() {
        assertTrue(Ranking.trending(5, T) > Ranking.trending(4, T));
        assertTrue(Ranking.trending(1, T) > Ranking.trending(0, T));
    }

    @Test
    void newerRanksHigherWithTheSameVotes() {
        assertTrue(Ranking.trending(3, T.plusSeconds(60)) > Ranking.trending(3, T));
    }

    @Test
    void tenTimesTheVotesWeighAsMuchAsBeingTwelveAndAHalfHoursNewer() {
        double old = Ranking.trending(99, T);
        double fresh = Ranking.trending(9, T.plus(Duration.ofSeconds(Ranking.HALF_DAY_SECONDS)));
        assertEquals(old, fresh, 1e-9);
        assertTrue(Ranking.trending(9, T.plus(Duration.ofHours(13))) > old, "a day-old favourite gives way to a fresh idea");
    }
}
