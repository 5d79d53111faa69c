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
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The dashboards of an organisation and of each of its challenges, for its staff. */
public final class DashboardService {
    private static final String ORGANISATION = "c.organisation_id = :id";
    private static final String CHALLENGE = "c.id = :id";

    private final Database db;
    private final ViewLog views;
    private final ContributionService contributions;
    private final Rollups rollups;

    public DashboardService(Database db, Clock clock, ViewLog views, ContributionService contributions) {
        this.db = db;
        this.views = views;
        this.contributions = contributions;
        this.rollups = new Rollups(db, clock);
    }

    public Dashboard organisation(Viewer viewer, long organisationId, Text text) {
        views.write(); // the views noted in memory count too
        String name = db.read(h -> {
            var access = OrganisationAccess.of(h, viewer, organisationId);
            access.require(access.moderates());
            return h.attach(DashboardDao.class).organisationName(organisationId).orElseThrow(HttpProblem.NotFound::new);
        });
        return build(rollups.figures(ORGANISATION, organisationId), organisationId, null, name, text, Findings.NONE);
    }

    public Dashboard challenge(Viewer viewer, long challengeId, Text text) {
        views.write();
        var access = db.read(h -> ChallengeService.access(h, viewer, challengeId));
        if (!access.moderates()) throw new HttpProblem.Forbidden();
        var findings = contributions.findings(viewer, access);
        var challenge = access.challenge();
        return build(rollups.figures(CHALLENGE, challengeId), challenge.organisationId(), challengeId, challenge.title(), text, findings);
    }

    private static Dashboard build(Optional<Rollups.Figures> gathered, long organisationId, Long challengeId, String title, Text text, Findings findings) {
        if (gathered.isEmpty()) return Dashboard.gathering(organisationId, challengeId, title, findings);
        var f = gathered.get();
        return new Dashboard(organisationId, challengeId, title, f.funnel().stream().map(c -> new Chart.Bar(text.t(c.label()), c.count())).toList(),
                byWeek(f.weeks(), f.contributionsByWeek(), text), byWeek(f.weeks(), f.votesByWeek(), text),
                challengeId == null ? named(Stage.values(), f.byStage(), s -> text.t(s.key())) : List.of(),
                named(ContributionKind.values(), f.byKind(), k -> text.t(k.key())),
                named(ContributionStatus.values(), f.byStatus(), s -> text.t(s.key())),
                f.mostActive(), f.waits(), findings, f.asOf());
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
