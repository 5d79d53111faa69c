package app.atelier.recognition;

import app.atelier.db.Database;
import app.atelier.web.HttpProblem;
import java.time.Clock;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Handle;

/** Points, badges, levels and leaderboards, under contributors' real names and across every organisation. */
public final class Recognition {
    static final int LEADERS = 20;

    private final Database db;
    private final Clock clock;

    public Recognition(Database db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    /** Where a member stands: points, level, and the badges earned. */
    public record Standing(long points, Level level, List<Badge> badges) {
        public Level next() {
            var levels = List.of(Level.values());
            int next = levels.indexOf(level) + 1;
            return next < levels.size() ? levels.get(next) : null;
        }
    }

    public Standing standing(long memberId) {
        return db.read(h -> {
            var recognition = h.attach(RecognitionDao.class);
            var counts = recognition.counts(memberId);
            long points = recognition.points(memberId);
            return new Standing(points, Level.of(points), Arrays.stream(Badge.values()).filter(b -> b.earned(counts)).toList());
        });
    }

    /** A member's level, read within an open transaction, for the privileges it unlocks elsewhere. */
    public static Level level(Handle h, long memberId) {
        return Level.of(h.attach(RecognitionDao.class).points(memberId));
    }

    /** Several members' levels in one reading, for a list of them. */
    public static Map<Long, Level> levels(Handle h, List<Long> memberIds) {
        var points = memberIds.isEmpty() ? Map.<Long, Long>of() : h.attach(RecognitionDao.class).pointsAmong(memberIds);
        var levels = new HashMap<Long, Level>();
        for (long id : memberIds) levels.put(id, Level.of(points.getOrDefault(id, 0L)));
        return levels;
    }

    public record Leader(long memberId, String memberName, long points) {
        public Level level() {
            return Level.of(points);
        }
    }

    /** @param organisationId 0 for all of Atelier */
    public record Board(long organisationId, String organisationName, boolean month, List<Leader> leaders) {
    }

    /** The leaderboard of one organisation or of Atelier, this month (in the platform's time zone) or all time. */
    public Board board(long organisationId, boolean month) {
        long period = month ? KeptPoints.month(clock.millis(), clock.getZone()) : KeptPoints.ALL_TIME;
        return db.read(h -> {
            var recognition = h.attach(RecognitionDao.class);
            String name = organisationId == 0 ? "" : recognition.organisationName(organisationId).orElseThrow(HttpProblem.NotFound::new);
            return new Board(organisationId, name, month, recognition.leaders(organisationId, period, LEADERS));
        });
    }
}
