package app.atelier.recognition;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.mapper.reflect.ConstructorMapper;
import org.jdbi.v3.core.statement.PreparedBatch;

/**
 * Recognition kept as it happens. The view {@code recognition_due} says, from the records, which events earn whom
 * how many points; each write that changes a record calls {@link #settle} in its own transaction, which brings the
 * kept events of that contribution in line with the view and moves the sums by the difference. Sums are kept per
 * member in each organisation and across Atelier (organisation 0), each month and all time (month 0), so that a
 * leaderboard, a level or a badge is one indexed read.
 */
public final class KeptPoints {
    static final long ALL_ORGANISATIONS = 0;
    static final long ALL_TIME = 0;
    private static final String COLUMNS = "contribution_id, kind, source_id, member_id, organisation_id, earned_at, points";
    private static final RowMapper<Event> EVENT = ConstructorMapper.of(Event.class);

    private KeptPoints() {
    }

    /** One event, as the view makes it due and as {@code recognition_event} keeps it. */
    public record Event(long contributionId, String kind, long sourceId, long memberId, long organisationId, long earnedAt, long points) {
        String key() {
            return kind + "/" + sourceId;
        }
    }

    /** Everything that earns points through one contribution: after it is written, hidden, answered, awarded. */
    public static void settle(Handle h, ZoneId zone, long contributionId) {
        settle(h, zone, "contribution_id = :contribution", contributionId, 0);
    }

    /** One member's vote on a contribution, given or taken back. */
    public static void settleVote(Handle h, ZoneId zone, long contributionId, long voterId) {
        settle(h, zone, "contribution_id = :contribution AND kind = 'VOTE' AND source_id = :source", contributionId, voterId);
    }

    private static void settle(Handle h, ZoneId zone, String where, long contributionId, long sourceId) {
        var due = byKey(events(h, "recognition_due", where, contributionId, sourceId));
        var kept = byKey(events(h, "recognition_event", where, contributionId, sourceId));
        var gone = new ArrayList<Event>();
        var come = new ArrayList<Event>();
        kept.forEach((key, event) -> {
            if (!event.equals(due.get(key))) gone.add(event);
        });
        due.forEach((key, event) -> {
            if (!event.equals(kept.get(key))) come.add(event);
        });
        if (gone.isEmpty() && come.isEmpty()) return;
        var sums = new Sums(h, zone, "");
        for (var event : gone) {
            h.createUpdate("DELETE FROM recognition_event WHERE contribution_id = :c AND kind = :kind AND source_id = :source")
                    .bind("c", event.contributionId()).bind("kind", event.kind()).bind("source", event.sourceId()).execute();
            sums.add(event, -1);
        }
        for (var event : come) {
            h.createUpdate("INSERT INTO recognition_event (" + COLUMNS + ") VALUES (:contributionId, :kind, :sourceId, :memberId, :organisationId, :earnedAt, :points)")
                    .bindMethods(event).execute();
            sums.add(event, +1);
        }
        sums.write();
    }

    private static List<Event> events(Handle h, String table, String where, long contributionId, long sourceId) {
        return h.createQuery("SELECT " + COLUMNS + " FROM " + table + " WHERE " + where)
                .bind("contribution", contributionId).bind("source", sourceId).map(EVENT).list();
    }

    private static Map<String, Event> byKey(List<Event> events) {
        var byKey = new HashMap<String, Event>();
        for (var event : events) byKey.put(event.key(), event);
        return byKey;
    }

    /** The month an event counts in, as yyyymm in the platform's time zone. */
    static long month(long millis, ZoneId zone) {
        var at = ZonedDateTime.ofInstant(Instant.ofEpochMilli(millis), zone);
        return at.getYear() * 100L + at.getMonthValue();
    }

    /** Differences to add to the kept sums, gathered and written in two batches. */
    static final class Sums {
        private record Place(long memberId, long organisationId, long month) {
        }

        private record Count(long memberId, String kind) {
        }

        private final Handle h;
        private final ZoneId zone;
        private final String prefix;
        private final Map<Place, Long> points = new HashMap<>();
        private final Map<Count, Long> counts = new HashMap<>();

        Sums(Handle h, ZoneId zone, String prefix) {
            this.h = h;
            this.zone = zone;
            this.prefix = prefix;
        }

        void add(Event event, int sign) {
            long month = month(event.earnedAt(), zone);
            for (long organisation : new long[] {event.organisationId(), ALL_ORGANISATIONS}) {
                for (long m : new long[] {month, ALL_TIME}) {
                    points.merge(new Place(event.memberId(), organisation, m), sign * event.points(), Long::sum);
                }
            }
            counts.merge(new Count(event.memberId(), event.kind()), (long) sign, Long::sum);
        }

        void write() {
            PreparedBatch batch = h.prepareBatch("INSERT INTO " + prefix + """
                    recognition_points AS p (member_id, organisation_id, month, points) VALUES (?, ?, ?, ?)
                    ON CONFLICT (member_id, organisation_id, month) DO UPDATE SET points = p.points + excluded.points""");
            points.forEach((p, n) -> {
                if (n != 0) batch.add(p.memberId(), p.organisationId(), p.month(), n);
            });
            if (batch.size() > 0) batch.execute();
            PreparedBatch kinds = h.prepareBatch("INSERT INTO " + prefix + """
                    recognition_count AS c (member_id, kind, events) VALUES (?, ?, ?)
                    ON CONFLICT (member_id, kind) DO UPDATE SET events = c.events + excluded.events""");
            counts.forEach((c, n) -> {
                if (n != 0) kinds.add(c.memberId(), c.kind(), n);
            });
            if (kinds.size() > 0) kinds.execute();
            points.clear();
            counts.clear();
        }

        boolean large() {
            return points.size() > 50_000;
        }
    }

    /** How far what is kept stands from what the records make due; all zero when they agree. */
    public record Audit(long events, long eventsDiffering, long sumsDiffering) {
        public boolean agrees() {
            return eventsDiffering == 0 && sumsDiffering == 0;
        }
    }

    /** Recomputes everything from the records into temporary tables and compares it with what is kept. */
    public static Audit audit(Handle h, ZoneId zone) {
        var keys = Map.of("recognition_event", "contribution_id, kind, source_id", "recognition_points", "member_id, organisation_id, month",
                "recognition_count", "member_id, kind");
        keys.forEach((table, key) -> {
            h.execute("DROP TABLE IF EXISTS due_" + table);
            h.execute("CREATE TEMPORARY TABLE due_" + table + " AS SELECT * FROM " + table + " WHERE 0 = 1");
            h.execute("CREATE UNIQUE INDEX due_" + table + "_key ON due_" + table + " (" + key + ")");
        });
        long events = fill(h, zone, "due_");
        long eventsDiffering = differing(h, "recognition_event", "");
        long sumsDiffering = differing(h, "recognition_points", " WHERE points <> 0") + differing(h, "recognition_count", " WHERE events <> 0");
        return new Audit(events, eventsDiffering, sumsDiffering);
    }

    /** Replaces what is kept with what the records make due; returns the number of events. */
    public static long rebuild(Handle h, ZoneId zone) {
        for (String table : List.of("recognition_event", "recognition_points", "recognition_count")) h.execute("DELETE FROM " + table);
        return fill(h, zone, "");
    }

    /** True when nothing is kept yet though the records make something due: a database from before it was kept. */
    public static boolean unfilled(Handle h) {
        return h.createQuery("SELECT NOT EXISTS (SELECT 1 FROM recognition_event) AND EXISTS (SELECT 1 FROM recognition_due)")
                .mapTo(Boolean.class).one();
    }

    private static long differing(Handle h, String table, String nonZero) {
        String kept = "SELECT * FROM " + table + nonZero;
        String due = "SELECT * FROM due_" + table + nonZero;
        return h.createQuery("SELECT (SELECT count(*) FROM (" + kept + " EXCEPT " + due + ") a) + (SELECT count(*) FROM (" + due + " EXCEPT " + kept + ") b)")
                .mapTo(Long.class).one();
    }

    /** Writes the due events into {@code prefix}recognition_event, then their sums. */
    private static long fill(Handle h, ZoneId zone, String prefix) {
        long events = h.execute("INSERT INTO " + prefix + "recognition_event (" + COLUMNS + ") SELECT " + COLUMNS + " FROM recognition_due");
        var sums = new Sums(h, zone, prefix);
        try (var rows = h.createQuery("SELECT " + COLUMNS + " FROM " + prefix + "recognition_event").setFetchSize(10_000).map(EVENT).stream()) {
            rows.forEach(event -> {
                sums.add(event, +1);
                if (sums.large()) sums.write();
            });
        }
        sums.write();
        return events;
    }
}
