package app.atelier.analytics;

import app.atelier.challenge.ChallengeService;
import app.atelier.challenge.ContributionKind;
import app.atelier.challenge.Stage;
import app.atelier.challenge.ViewLog;
import app.atelier.contribution.ContributionService;
import app.atelier.contribution.ContributionStatus;
import app.atelier.contribution.Findings;
import app.atelier.db.Database;
import app.atelier.organisation.OrganisationAccess;
import app.atelier.web.Chart;
import app.atelier.web.HttpProblem;
import app.atelier.web.Text;
import app.atelier.web.Viewer;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Handle;

/** The dashboards of an organisation and of each of its challenges, for its staff. */
public final class DashboardService {
    static final int WEEKS = 12;
    static final int MOST_ACTIVE = 10;
    private static final String ORGANISATION = "c.organisation_id = :id";
    private static final String CHALLENGE = "c.id = :id";

    private final Database db;
    private final Clock clock;
    private final ViewLog views;
    private final ContributionService contributions;

    public DashboardService(Database db, Clock clock, ViewLog views, ContributionService contributions) {
        this.db = db;
        this.clock = clock;
        this.views = views;
        this.contributions = contributions;
    }

    public Dashboard organisation(Viewer viewer, long organisationId, Text text) {
        views.write(); // the views noted in memory count too
        return db.read(h -> {
            var access = OrganisationAccess.of(h, viewer, organisationId);
            access.require(access.moderates());
            String name = h.attach(DashboardDao.class).organisationName(organisationId).orElseThrow(HttpProblem.NotFound::new);
            return build(h, ORGANISATION, organisationId, organisationId, null, name, text, Findings.NONE);
        });
    }

    public Dashboard challenge(Viewer viewer, long challengeId, Text text) {
        views.write();
        var access = db.read(h -> ChallengeService.access(h, viewer, challengeId));
        if (!access.moderates()) throw new HttpProblem.Forbidden();
        var findings = contributions.findings(viewer, access);
        var challenge = access.challenge();
        return db.read(h -> build(h, CHALLENGE, challengeId, challenge.organisationId(), challengeId, challenge.title(), text, findings));
    }

    private Dashboard build(Handle h, String scope, long id, long organisationId, Long challengeId, String title, Text text, Findings findings) {
        var dao = h.attach(DashboardDao.class);
        var weeks = weeks();
        long since = weeks.get(0).atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli();
        var waits = new Waits(dao.waits(scope, id), dao.unanswered(scope, id));
        return new Dashboard(organisationId, challengeId, title, dao.funnel(scope, id),
                byWeek(weeks, dao.contributionsByWeek(scope, id, since), text), byWeek(weeks, dao.votesByWeek(scope, id, since), text),
                challengeId == null ? named(Stage.values(), dao.byStage(scope, id), s -> text.t(s.key())) : List.of(),
                named(ContributionKind.values(), dao.byKind(scope, id), k -> text.t(k.key())),
                named(ContributionStatus.values(), dao.byStatus(scope, id), s -> text.t(s.key())),
                dao.mostActive(scope, id, MOST_ACTIVE), waits, findings);
    }

    /** The Mondays of the last {@value #WEEKS} weeks, this one last. */
    private List<LocalDate> weeks() {
        LocalDate monday = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC).with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        var weeks = new ArrayList<LocalDate>();
        for (int i = WEEKS - 1; i >= 0; i--) weeks.add(monday.minusWeeks(i));
        return weeks;
    }

    /** Every week, with nothing where nothing came. */
    private static List<Chart.Bar> byWeek(List<LocalDate> weeks, List<DashboardDao.Count> counts, Text text) {
        var byLabel = byLabel(counts);
        return weeks.stream().map(w -> new Chart.Bar(text.date(w), byLabel.getOrDefault(week(w), 0L))).toList();
    }

    /** The week a Monday begins, as the queries by week count it. */
    static String week(LocalDate monday) {
        return Long.toString((monday.toEpochDay() + 3) / 7);
    }

    /** Every value of an enum in its order, named in the reader's language, with its count. */
    private static <E extends Enum<E>> List<Chart.Bar> named(E[] values, List<DashboardDao.Count> counts, Function<E, String> name) {
        var byLabel = byLabel(counts);
        return Arrays.stream(values).map(v -> new Chart.Bar(name.apply(v), byLabel.getOrDefault(v.name(), 0L))).toList();
    }

    private static Map<String, Long> byLabel(List<DashboardDao.Count> counts) {
        return counts.stream().collect(Collectors.toMap(DashboardDao.Count::label, DashboardDao.Count::count));
    }
}
