package app.atelier.analytics;

import app.atelier.web.Current;
import app.atelier.web.Forms;
import app.atelier.web.Page;
import app.atelier.web.Role;
import app.atelier.web.View;
import io.javalin.config.RoutesConfig;

/** The dashboards, for an organisation's staff. */
public final class DashboardRoutes {

    public record DashboardPage(Dashboard dashboard) implements Page {
        @Override
        public String template() {
            return "analytics/dashboard.jte";
        }
    }

    private final DashboardService dashboards;

    public DashboardRoutes(DashboardService dashboards) {
        this.dashboards = dashboards;
    }

    public void register(RoutesConfig routes) {
        routes.get("/organisations/{id}/dashboard", ctx -> View.render(ctx, new DashboardPage(
                dashboards.organisation(Current.viewer(ctx), Forms.pathId(ctx, "id"), Current.text(ctx)))), Role.MODERATOR);
        routes.get("/challenges/{id}/dashboard", ctx -> View.render(ctx, new DashboardPage(
                dashboards.challenge(Current.viewer(ctx), Forms.pathId(ctx, "id"), Current.text(ctx)))), Role.MODERATOR);
    }
}
