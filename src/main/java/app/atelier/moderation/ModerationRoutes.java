package app.atelier.moderation;

import app.atelier.organisation.Organisation;
import app.atelier.organisation.OrganisationService;
import app.atelier.web.Current;
import app.atelier.web.Forms;
import app.atelier.web.Paged;
import app.atelier.web.View;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;

public final class ModerationRoutes {

    public record AuditPage(Organisation organisation, Paged<AuditEntry> entries) {
    }

    private final ModerationService moderation;
    private final OrganisationService organisations;

    public ModerationRoutes(ModerationService moderation, OrganisationService organisations) {
        this.moderation = moderation;
        this.organisations = organisations;
    }

    public void register(RoutesConfig routes) {
        routes.get("/organisations/{id}/audit", this::audit);
    }

    private void audit(Context ctx) {
        long id = Forms.pathId(ctx, "id");
        var entries = moderation.audit(Current.viewer(ctx), id, Forms.page(ctx));
        View.render(ctx, "moderation/audit.jte", new AuditPage(organisations.find(id), entries));
    }
}
