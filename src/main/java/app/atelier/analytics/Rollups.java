package app.atelier.analytics;

import app.atelier.challenge.ChallengeShare;
import app.atelier.contribution.ContributionShare;
import app.atelier.db.Database;
import app.atelier.db.Figure;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;

/**
 * A dashboard's counts run over every contribution, vote and comment of its challenge or organisation: seconds at
 * a million. They are gathered off the request path, by one thread for all dashboards, at most once a minute for
 * each, and kept: a page reads the last ones. However many staff open dashboards at once, one reader connection
 * at most is taken by them, and the writer never.
 */
final class Rollups {
    static final Duration FRESH = Duration.ofMinutes(1);
    /** How long a first page waits for counts being gathered before it says they are coming. */
    static final Duration PATIENCE = Duration.ofSeconds(2);
    static final int WEEKS = 12;
    static final int MOST_ACTIVE = 10;
    /** The participation funnel: every figure the features count, the lower features first. */
    static final List<Figure> FUNNEL = Stream.of(ChallengeShare.FIGURES, ContributionShare.FIGURES).flatMap(List::stream).toList();

    /** One dashboard's counts, in no reader's language, and when they were gathered. */
    record Figures(List<DashboardDao.Count> funnel, List<DashboardDao.Count> contributionsByWeek, List<DashboardDao.Count> votesByWeek,
                   List<DashboardDao.Count> byStage, List<DashboardDao.Count> byKind, List<DashboardDao.Count> byStatus,
                   List<DashboardDao.Contributor> mostActive, Waits waits, List<LocalDate> weeks, Instant asOf) {
    }

    /** @param clause one of {@link DashboardService}'s clauses on the challenge {@code c}, never user input */
    private record Scope(String clause, long id) {
    }

    private final Database db;
    private final Clock clock;
    private final Map<Scope, Figures> latest = new HashMap<>();
    private final Map<Scope, CompletableFuture<Figures>> gathering = new HashMap<>();
    // No thread is kept while no dashboard is being gathered.
    private final ThreadPoolExecutor gatherer = new ThreadPoolExecutor(0, 1, 10, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), r -> {
        var thread = new Thread(r, "dashboards");
        thread.setDaemon(true);
        return thread;
    });

    Rollups(Database db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    /**
     * The last counts, gathered again in the background once they are a minute old; the first time, those gathered
     * now if it is quick, or none yet.
     */
    Optional<Figures> figures(String clause, long id) {
        var scope = new Scope(clause, id);
        Figures known;
        CompletableFuture<Figures> next;
        synchronized (this) {
            known = latest.get(scope);
            if (known != null && clock.instant().isBefore(known.asOf().plus(FRESH))) return Optional.of(known);
            next = gathering.get(scope);
            if (next == null || next.isDone()) {
                next = CompletableFuture.supplyAsync(() -> gather(scope), gatherer);
                gathering.put(scope, next);
            }
        }
        if (known != null) return Optional.of(known);
        try {
            return Optional.of(next.get(PATIENCE.toMillis(), TimeUnit.MILLISECONDS));
        } catch (TimeoutException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException failure) throw failure;
            throw new IllegalStateException(e.getCause());
        }
    }

    private Figures gather(Scope scope) {
        var weeks = weeks();
        long since = weeks.get(0).atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli();
        var figures = db.read(h -> {
            var dao = h.attach(DashboardDao.class);
            String clause = scope.clause();
            long id = scope.id();
            var funnel = FUNNEL.stream().map(figure -> new DashboardDao.Count(figure.key(),
                    h.createQuery(figure.query()).define("scope", clause).bind("id", id).mapTo(Long.class).one())).toList();
            return new Figures(funnel, dao.contributionsByWeek(clause, id, since), dao.votesByWeek(clause, id, since),
                    dao.byStage(clause, id), dao.byKind(clause, id), dao.byStatus(clause, id), dao.mostActive(clause, id, MOST_ACTIVE),
                    Waits.of(dao.waits(clause, id), dao.unanswered(clause, id)), weeks, clock.instant());
        });
        synchronized (this) {
            latest.put(scope, figures);
        }
        return figures;
    }

    /** The Mondays of the last {@value #WEEKS} weeks, this one last. */
    private List<LocalDate> weeks() {
        LocalDate monday = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC).with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        var weeks = new ArrayList<LocalDate>();
        for (int i = WEEKS - 1; i >= 0; i--) weeks.add(monday.minusWeeks(i));
        return weeks;
    }
}
