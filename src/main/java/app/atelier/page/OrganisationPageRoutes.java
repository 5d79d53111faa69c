package app.atelier.page;

import app.atelier.challenge.Challenge;
import app.atelier.challenge.ChallengeService;
import app.atelier.challenge.OrganisationCard;
import app.atelier.community.CommunityService;
import app.atelier.community.Membership;
import app.atelier.organisation.Organisation;
import app.atelier.organisation.OrganisationAccess;
import app.atelier.organisation.OrganisationService;
import app.atelier.organisation.StaffForm;
import app.atelier.organisation.StaffMember;
import app.atelier.reward.reflection.ReflectionService;
import app.atelier.web.Current;
import app.atelier.web.Cursor;
import app.atelier.web.Errors;
import app.atelier.web.Forms;
import app.atelier.web.Invalid;
import app.atelier.web.Page;
import app.atelier.web.Paged;
import app.atelier.web.Paths;
import app.atelier.web.Role;
import app.atelier.web.Slice;
import app.atelier.web.View;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.List;
import java.util.Optional;

/**
 * An organisation's page: its challenges, its community, and its staff with the form to offer a place, which
 * the staff (and platform admins) alone see.
 */
public final class OrganisationPageRoutes {

    public record OrganisationPage(Organisation organisation, Slice<Challenge> challenges, OrganisationAccess access,
                                   List<StaffMember> staff, StaffForm staffForm, Errors staffErrors,
                                   Optional<Membership> membership, long pendingApplications, boolean offered,
                                   ReflectionService.History paysAfterReflection) implements Page {
        @Override
        public String template() {
            return "page/organisation.jte";
        }
    }

    /** Every organisation that opens challenges to anyone, with the way in for a company that wants to. */
    public record DirectoryPage(Paged<OrganisationCard> organisations) implements Page {
        @Override
        public String template() {
            return "page/organisations.jte";
        }
    }

    private final OrganisationService organisations;
    private final ChallengeService challenges;
    private final CommunityService communities;
    private final ReflectionService reflections;

    public OrganisationPageRoutes(OrganisationService organisations, ChallengeService challenges, CommunityService communities,
                                  ReflectionService reflections) {
        this.organisations = organisations;
        this.reflections = reflections;
        this.challenges = challenges;
        this.communities = communities;
    }

    public void register(RoutesConfig routes) {
        routes.get("/organisations", ctx -> View.render(ctx, new DirectoryPage(challenges.directory(Forms.page(ctx)))), Role.ANYONE);
        routes.get("/organisations/{id}", ctx -> render(ctx, Forms.pathId(ctx, "id"), StaffForm.empty(), Errors.none()), Role.ANYONE);
        routes.post("/organisations/{id}/staff", this::offerStaff, Role.OWNER);
    }

    private void offerStaff(Context ctx) {
        long id = Forms.pathId(ctx, "id");
        var form = StaffForm.from(ctx);
        try {
            organisations.offerStaff(Current.viewer(ctx), id, form);
            ctx.redirect(Paths.organisation(id) + "?offered#staff");
        } catch (Invalid e) {
            ctx.status(422);
            render(ctx, id, form, e.errors());
        }
    }

    private void render(Context ctx, long id, StaffForm staffForm, Errors staffErrors) {
        var viewer = Current.viewer(ctx);
        var organisation = organisations.find(id);
        var access = organisations.access(viewer, id);
        var staff = access.moderates() ? organisations.staff(id) : List.<StaffMember>of();
        long pending = access.moderates() ? communities.pending(id) : 0;
        View.render(ctx, new OrganisationPage(organisation, challenges.ofOrganisation(viewer, id, Cursor.parse(ctx.queryParam("after"))),
                access, staff, staffForm, staffErrors, communities.membership(viewer, id), pending, ctx.queryParam("offered") != null,
                reflections.history(id)));
    }
}
