package app.atelier.challenge;

import app.atelier.db.Database;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.jdbi.v3.core.statement.PreparedBatch;

/**
 * Which members looked at which challenge, for the top of the dashboards' funnel. A page view only notes it in
 * memory; {@link #write} records what was noted in one short transaction, every few seconds. A view noted just
 * before a crash is lost, which a count of who looked can afford.
 */
public final class ViewLog {
    private final Database db;
    private final Clock clock;
    private final Set<Long> noted = ConcurrentHashMap.newKeySet();

    public ViewLog(Database db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    public void seen(long challengeId, long memberId) {
        noted.add(challengeId << 32 | memberId);
    }

    /** Writes the views noted since the last time; returns how many. */
    public int write() {
        var views = new ArrayList<Long>(noted);
        if (views.isEmpty()) return 0;
        noted.removeAll(views);
        long now = clock.millis();
        db.execute(h -> {
            PreparedBatch batch = h.prepareBatch("INSERT INTO challenge_view (challenge_id, member_id, first_at) VALUES (?, ?, ?) ON CONFLICT DO NOTHING");
            for (long view : views) batch.add(view >>> 32, view & 0xFFFFFFFFL, now);
            batch.execute();
        });
        return views.size();
    }
}
