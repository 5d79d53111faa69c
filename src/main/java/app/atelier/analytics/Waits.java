package app.atelier.analytics;

import java.time.Duration;
import java.util.List;

/** How long contributions waited for their first official response: the median, nine in ten, how many were answered and how many wait. */
public record Waits(Duration median, Duration ninetieth, long answered, long unanswered) {

    /** @param sortedMillis each answered contribution's wait, the shortest first */
    static Waits of(List<Long> sortedMillis, long unanswered) {
        return new Waits(percentile(sortedMillis, 50), percentile(sortedMillis, 90), sortedMillis.size(), unanswered);
    }

    public boolean any() {
        return answered > 0;
    }

    /** The nearest-rank percentile: the smallest wait that at least this share of the waits do not exceed. */
    static Duration percentile(List<Long> sortedMillis, int percent) {
        if (sortedMillis.isEmpty()) return Duration.ZERO;
        int rank = (int) Math.ceil(percent / 100.0 * sortedMillis.size());
        return Duration.ofMillis(sortedMillis.get(Math.max(0, rank - 1)));
    }
}
