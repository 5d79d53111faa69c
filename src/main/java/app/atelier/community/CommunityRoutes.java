package app.atelier.community;

import app.atelier.organisation.Organisation;
import app.atelier.organisation.OrganisationService;
import app.atelier.web.Current;
import app.atelier.web.Errors;
import app.atelier.web.Forms;
import app.atelier.web.HttpProblem;
import app.atelier.web.Invalid;
import app.atelier.web.Notice;
import app.atelier.web.Page;
import app.atelier.web.Paths;
import app.atelier.web.Role;
import app.atelier.web.View;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.Locale;
import java.util.Optional;

/** Applying to a community, the staff's queue of applications, and invitations. */
public final class CommunityRoutes {

    public record ApplyPage(Organisation organisation, Optional<Membership> membership, ApplicationForm form, Errors errors) implements Page {
        @Override
        public String template() {
            return "community/apply.jte";
        }
    }

    /** The staff's page; {@code invitationLink} is shown once, right after an invitation is made. */
    public record ManagePage(Organisation organisation, CommunityService.Roster roster, Long decidingFor, Errors errors,
                             String inviteEmail, String invitationLink) implements Page {
        @Override
        public String template() {
            return "community/manage.jte";
        }
    }

    /** What a link says at once: who invites whom where, and whether it can still be used; {@code invitation} is null for an unknown link. */
    public record InvitationPage(String token, Invitation invitation, Invitation.State state) implements Page {
        @Override
        public String template() {
            return "community/invitation.jte";
        }
    }

    private final CommunityService communities;
    private final OrganisationService organisations;
    private final String baseUrl;

    public CommunityRoutes(CommunityService communities, OrganisationService organisations, String baseUrl) {
        this.communities = communities;
        this.organisations = organisations;
        this.baseUrl = baseUrl;
    }

    public void register(RoutesConfig routes) {
        routes.get("/organisations/{id}/apply", this::applyForm, Role.MEMBER);
        routes.post("/organisations/{id}/apply", this::apply, Role.MEMBER);
        routes.get("/organisations/{id}/community", ctx -> manage(ctx, null, Errors.none(), "", null), Role.MODERATOR);
        routes.post("/organisations/{id}/community/{memberId}/{decision}", this::decide, Role.MODERATOR);
        routes.post("/organisations/{id}/invitations", this::invite, Role.MODERATOR);
        routes.post("/organisations/{id}/suspensions", this::suspend, Role.MODERATOR);
        routes.post("/organisations/{id}/suspensions/{memberId}/lift", ctx -> {
            long id = Forms.pathId(ctx, "id");
            communities.lift(Current.viewer(ctx), id, Forms.pathId(ctx, "memberId"));
            ctx.redirect(Paths.community(id) + "#suspensions");
        }, Role.MODERATOR);
        routes.get("/invitations/{token}", this::invitation, Role.ANYONE);
        routes.post("/invitations/{token}", this::accept, Role.MEMBER);
    }

    private void applyForm(Context ctx) {
        var viewer = Current.viewer(ctx);
        long id = Forms.pathId(ctx, "id");
        var membership = communities.membership(viewer, id);
        var form = membership.map(ApplicationForm::of).orElse(ApplicationForm.empty());
        View.render(ctx, new ApplyPage(organisations.find(id), membership, form, Errors.none()));
    }

    private void apply(Context ctx) {
        long id = Forms.pathId(ctx, "id");
        var form = ApplicationForm.from(ctx);
        try {
            communities.apply(Current.viewer(ctx), id, form);
            ctx.redirect(Paths.organisation(id) + "#community");
        } catch (Invalid e) {
            View.invalid(ctx, new ApplyPage(organisations.find(id), communities.membership(Current.viewer(ctx), id), form, e.errors()));
        }
    }

    private void decide(Context ctx) {
        long id = Forms.pathId(ctx, "id");
        long memberId = Forms.pathId(ctx, "memberId");
        var decision = Decision.fromPath(ctx.pathParam("decision")).orElseThrow(HttpProblem.NotFound::new);
        String message = Forms.multiline(ctx, decision == Decision.REMOVE ? "reason" : "message");
        var viewer = Current.viewer(ctx);
        try {
            switch (decision) {
                case APPROVE -> communities.approve(viewer, id, memberId, message);
                case DECLINE -> communities.decline(viewer, id, memberId, message);
                case REMOVE -> communities.remove(viewer, id, memberId, message);
            }
            Notice.done(ctx, "notice." + decision.name().toLowerCase(Locale.ROOT));
            ctx.redirect(Paths.community(id));
        } catch (Invalid e) {
            ctx.status(422);
            manage(ctx, memberId, e.errors(), "", null);
        }
    }

    private void suspend(Context ctx) {
        long id = Forms.pathId(ctx, "id");
        Long memberId = Forms.optionalId(ctx.formParam("memberId"));
        if (memberId == null) throw new HttpProblem.NotFound();
        try {
            communities.suspend(Current.viewer(ctx), id, memberId, Forms.multiline(ctx, "reason"), days(ctx.formParam("days")));
            ctx.redirect(Paths.community(id) + "#suspensions");
        } catch (Invalid e) {
            // The community page shows the refusal on the member's card; the moderation queue's form gets the error page.
            if (!"community".equals(ctx.formParam("from"))) throw e;
            ctx.status(422);
            manage(ctx, memberId, e.errors(), "", null);
        }
    }

    /** Blank is until lifted; anything not a small number is left for the service to refuse. */
    private static Integer days(String days) {
        if (days == null || days.isBlank()) return null;
        return days.strip().matches("\\d{1,4}") ? Integer.valueOf(days.strip()) : -1;
    }

    private void invite(Context ctx) {
        long id = Forms.pathId(ctx, "id");
        String email = Forms.text(ctx, "email");
        try {
            String token = communities.invite(Current.viewer(ctx), id, email, Current.text(ctx));
            manage(ctx, null, Errors.none(), "", baseUrl + Paths.invitation(token));
        } catch (Invalid e) {
            ctx.status(422);
            manage(ctx, null, e.errors(), email, null);
        }
    }

    private void invitation(Context ctx) {
        String token = ctx.pathParam("token");
        var invitation = communities.invitation(token).orElse(null);
        var state = invitation == null ? null : invitation.state(Current.state(ctx).now());
        if (state != Invitation.State.OPEN) ctx.status(invitation == null ? 404 : 410);
        View.render(ctx, new InvitationPage(token, invitation, state));
    }

    private void accept(Context ctx) {
        long organisationId = communities.accept(Current.viewer(ctx), ctx.pathParam("token"));
        ctx.redirect(Paths.organisation(organisationId) + "#community");
    }

    private void manage(Context ctx, Long decidingFor, Errors errors, String inviteEmail, String invitationLink) {
        long id = Forms.pathId(ctx, "id");
        var roster = communities.roster(Current.viewer(ctx), id, MemberFilter.from(ctx));
        View.render(ctx, new ManagePage(organisations.find(id), roster, decidingFor, errors, inviteEmail, invitationLink));
    }
}
