package app.atelier.organisation;

import app.atelier.challenge.Challenge;
import app.atelier.challenge.ChallengeService;
import app.atelier.community.CommunityService;
import app.atelier.community.Membership;
import app.atelier.web.Current;
import app.atelier.web.Errors;
import app.atelier.web.Forms;
import app.atelier.web.Invalid;
import app.atelier.web.View;
import app.atelier.web.Role;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.List;
import java.util.Optional;

public final class OrganisationRoutes {

    public record FormPage(Long organisationId, OrganisationForm form, Errors errors) {
    }

    /** An organisation's page; staff and the form to add to it are shown to its owner and staff only. */
    public record OrganisationPage(Organisation organisation, List<Challenge> challenges, Optional<StaffRole> role,
                                   List<StaffMember> staff, StaffForm staffForm, Errors staffErrors,
                                   Optional<Membership> membership, long pendingApplications, boolean offered) {
        public boolean owner() {
            return role.filter(r -> r == StaffRole.OWNER).isPresent();
        }

        public boolean manages() {
            return role.filter(StaffRole::manages).isPresent();
        }
    }

    private final OrganisationService organisations;
    private final ChallengeService challenges;
    private final CommunityService communities;

    public OrganisationRoutes(OrganisationService organisations, ChallengeService challenges, CommunityService communities) {
        this.organisations = organisations;
        this.challenges = challenges;
        this.communities = communities;
    }

    public void register(RoutesConfig routes) {
        routes.get("/organisations/new", this::createForm, Role.MEMBER);
        routes.post("/organisations", this::create, Role.MEMBER);
        routes.get("/organisations/{id}", this::show, Role.ANYONE);
        routes.get("/organisations/{id}/edit", this::editForm, Role.MEMBER);
        routes.post("/organisations/{id}", this::edit, Role.MEMBER);
        routes.post("/organisations/{id}/staff", this::addStaff, Role.MEMBER);
        routes.post("/organisations/{id}/staff/{memberId}/remove", this::removeStaff, Role.MEMBER);
        routes.post("/organisations/{id}/staff-offer/accept", ctx -> answerOffer(ctx, true), Role.MEMBER);
        routes.post("/organisations/{id}/staff-offer/decline", ctx -> answerOffer(ctx, false), Role.MEMBER);
    }

    private void createForm(Context ctx) {
        View.render(ctx, "organisation/form.jte", new FormPage(null, OrganisationForm.empty(), Errors.none()));
    }

    private void create(Context ctx) {
        var form = OrganisationForm.from(ctx);
        try {
            ctx.redirect("/organisations/" + organisations.create(Current.viewer(ctx), form));
        } catch (Invalid e) {
            View.invalid(ctx, "organisation/form.jte", new FormPage(null, form, e.errors()));
        }
    }

    private void show(Context ctx) {
        render(ctx, Forms.pathId(ctx, "id"), StaffForm.empty(), Errors.none());
    }

    private void editForm(Context ctx) {
        long id = Forms.pathId(ctx, "id");
        var organisation = organisations.owned(Current.viewer(ctx), id);
        var form = new OrganisationForm(organisation.name(), organisation.description());
        View.render(ctx, "organisation/form.jte", new FormPage(id, form, Errors.none()));
    }

    private void edit(Context ctx) {
        long id = Forms.pathId(ctx, "id");
        var form = OrganisationForm.from(ctx);
        try {
            organisations.update(Current.viewer(ctx), id, form);
            ctx.redirect("/organisations/" + id);
        } catch (Invalid e) {
            View.invalid(ctx, "organisation/form.jte", new FormPage(id, form, e.errors()));
        }
    }

    private void addStaff(Context ctx) {
        long id = Forms.pathId(ctx, "id");
        var form = StaffForm.from(ctx);
        try {
            organisations.offerStaff(Current.viewer(ctx), id, form);
            ctx.redirect("/organisations/" + id + "?offered#staff");
        } catch (Invalid e) {
            ctx.status(422);
            render(ctx, id, form, e.errors());
        }
    }

    private void removeStaff(Context ctx) {
        long id = Forms.pathId(ctx, "id");
        organisations.removeStaff(Current.viewer(ctx), id, Forms.pathId(ctx, "memberId"));
        ctx.redirect("/organisations/" + id + "#staff");
    }

    private void answerOffer(Context ctx, boolean accept) {
        long id = Forms.pathId(ctx, "id");
        organisations.answerOffer(Current.viewer(ctx), id, accept);
        ctx.redirect(accept ? "/organisations/" + id : "/account#offers");
    }

    private void render(Context ctx, long id, StaffForm staffForm, Errors staffErrors) {
        var viewer = Current.viewer(ctx);
        var organisation = organisations.find(id);
        var role = organisations.role(viewer, id);
        var staff = role.isPresent() || viewer.admin() ? organisations.staff(id) : List.<StaffMember>of();
        long pending = role.isPresent() ? communities.pending(id) : 0;
        View.render(ctx, "organisation/show.jte", new OrganisationPage(organisation, challenges.ofOrganisation(viewer, id),
                role, staff, staffForm, staffErrors, communities.membership(viewer, id), pending, ctx.queryParam("offered") != null));
    }
}
