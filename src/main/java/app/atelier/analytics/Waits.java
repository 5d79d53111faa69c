package app.atelier.analytics;

import java.time.Duration;
import java.util.List;

/** How long contributions waited for their first official response, from the shortest wait to the longest. */
public record Waits(List<Long> sortedMillis, long unanswered) {

    public boolean any() {
        return !sortedMillis.isEmpty();
    }

    public Duration median() {
        return percentile(50);
    }

    public Duration ninetieth() {
        return percentile(90);
    }

    /** The nearest-rank percentile: the smallest wait that at least this share of the waits do not exceed. */
    Duration percentile(int percent) {
        if (sortedMillis.isEmpty()) return Duration.ZERO;
        int rank = (int) Math.ceil(percent / 100.0 * sortedMillis.size());
        return Duration.ofMillis(sortedMillis.get(Math.max(0, rank - 1)));
    }
}
