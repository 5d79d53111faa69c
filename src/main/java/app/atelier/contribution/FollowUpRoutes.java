package app.atelier.contribution;

import app.atelier.organisation.Organisation;
import app.atelier.organisation.OrganisationService;
import app.atelier.web.Current;
import app.atelier.web.Cursor;
import app.atelier.web.Forms;
import app.atelier.web.Page;
import app.atelier.web.Paths;
import app.atelier.web.Role;
import app.atelier.web.Slice;
import app.atelier.web.View;
import io.javalin.config.RoutesConfig;

/** An organisation's public follow-up: what became of the contributions it took up. */
public final class FollowUpRoutes {

    public record FollowUpPage(Organisation organisation, Slice<Followed> followed) implements Page {
        @Override
        public String template() {
            return "contribution/follow-up.jte";
        }

        public String address() {
            return Paths.organisation(organisation.id()) + "/follow-up";
        }
    }

    private final OrganisationService organisations;
    private final FollowUpService followUp;

    public FollowUpRoutes(OrganisationService organisations, FollowUpService followUp) {
        this.organisations = organisations;
        this.followUp = followUp;
    }

    public void register(RoutesConfig routes) {
        routes.get("/organisations/{id}/follow-up", ctx -> {
            long id = Forms.pathId(ctx, "id");
            var organisation = organisations.find(id);
            var access = organisations.access(Current.viewer(ctx), id);
            View.render(ctx, new FollowUpPage(organisation, followUp.ofOrganisation(access, Cursor.parse(ctx.queryParam("after")))));
        }, Role.ANYONE);
    }
}
