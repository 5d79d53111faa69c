package app.atelier.analytics;

import app.atelier.contribution.Findings;
import app.atelier.web.Chart;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * What a company learns from one challenge or from all of its organisation's: the participation funnel, how
 * contributions and votes came in, what kinds and statuses they have, who is most active, how long a contribution
 * waits for an official answer, and, for a challenge, its test reports' scores.
 * @param organisationId the organisation; {@code challengeId} is null for the organisation's own dashboard
 * @param asOf when its counts were gathered; null while the first ones are being gathered
 */
public record Dashboard(long organisationId, Long challengeId, String title, List<Chart.Bar> funnel, List<Chart.Bar> contributionsByWeek,
                        List<Chart.Bar> votesByWeek, List<Chart.Bar> byStage, List<Chart.Bar> byKind, List<Chart.Bar> byStatus,
                        List<DashboardDao.Contributor> mostActive, Waits waits, Findings findings, Instant asOf) {
    static Dashboard gathering(long organisationId, Long challengeId, String title, Findings findings) {
        return new Dashboard(organisationId, challengeId, title, List.of(), List.of(), List.of(), List.of(), List.of(),
                List.of(), List.of(), new Waits(Duration.ZERO, Duration.ZERO, 0, 0), findings, null);
    }

    public boolean gathering() {
        return asOf == null;
    }

    public Chart chart(String title, List<Chart.Bar> bars) {
        return new Chart(title, bars);
    }

}
