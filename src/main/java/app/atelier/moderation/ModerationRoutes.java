package app.atelier.moderation;

import app.atelier.audit.AuditEntry;
import app.atelier.community.CommunityService;
import app.atelier.contribution.FlagBox;
import app.atelier.contribution.ItemType;
import app.atelier.organisation.Organisation;
import app.atelier.organisation.OrganisationService;
import app.atelier.web.Current;
import app.atelier.web.Errors;
import app.atelier.web.Forms;
import app.atelier.web.HttpProblem;
import app.atelier.web.Invalid;
import app.atelier.web.Page;
import app.atelier.web.Paged;
import app.atelier.web.Paths;
import app.atelier.web.Role;
import app.atelier.web.View;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.List;

public final class ModerationRoutes {

    public record AuditPage(Organisation organisation, Paged<AuditEntry> entries) implements Page {
        @Override
        public String template() {
            return "moderation/audit.jte";
        }
    }

    public record QueuePage(Organisation organisation, List<FlaggedItem> items, long pendingApplications) implements Page {
        @Override
        public String template() {
            return "moderation/queue.jte";
        }
    }

    private final ModerationService moderation;
    private final OrganisationService organisations;
    private final CommunityService communities;

    public ModerationRoutes(ModerationService moderation, OrganisationService organisations, CommunityService communities) {
        this.moderation = moderation;
        this.organisations = organisations;
        this.communities = communities;
    }

    public void register(RoutesConfig routes) {
        routes.get("/organisations/{id}/audit", this::audit, Role.MODERATOR);
        routes.get("/organisations/{id}/moderation", this::queue, Role.MODERATOR);
        routes.post("/contributions/{id}/flag", ctx -> flag(ctx, ItemType.CONTRIBUTION), Role.MEMBER);
        routes.post("/comments/{id}/flag", ctx -> flag(ctx, ItemType.COMMENT), Role.MEMBER);
        routes.post("/moderation/{type}/{id}/{action}", this::moderate, Role.MEMBER);
    }

    private void flag(Context ctx, ItemType type) {
        long id = Forms.pathId(ctx, "id");
        try {
            moderation.flag(Current.viewer(ctx), type, id, FlagForm.from(ctx));
            if (View.fragment(ctx)) View.render(ctx, new FlagBox(type, id, Errors.none(), true));
            else ctx.redirect(Forms.localPath(ctx.formParam("back")) + "#reported");
        } catch (Invalid e) {
            if (!View.fragment(ctx)) throw e;
            ctx.status(422);
            View.render(ctx, new FlagBox(type, id, e.errors(), false));
        }
    }

    private void moderate(Context ctx) {
        var type = ItemType.fromPath(ctx.pathParam("type")).orElseThrow(HttpProblem.NotFound::new);
        long id = Forms.pathId(ctx, "id");
        var viewer = Current.viewer(ctx);
        long contributionId = switch (ctx.pathParam("action")) {
            case "hide" -> moderation.hide(viewer, type, id, Forms.multiline(ctx, "reason"));
            case "restore" -> moderation.restore(viewer, type, id);
            case "dismiss" -> moderation.dismissFlags(viewer, type, id);
            default -> throw new HttpProblem.NotFound();
        };
        String back = ctx.formParam("back");
        ctx.redirect(back == null ? Paths.contribution(contributionId) : Forms.localPath(back));
    }

    private void queue(Context ctx) {
        long id = Forms.pathId(ctx, "id");
        var items = moderation.queue(Current.viewer(ctx), id);
        View.render(ctx, new QueuePage(organisations.find(id), items, communities.pending(id)));
    }

    private void audit(Context ctx) {
        long id = Forms.pathId(ctx, "id");
        var entries = moderation.audit(Current.viewer(ctx), id, Forms.page(ctx));
        View.render(ctx, new AuditPage(organisations.find(id), entries));
    }
}
