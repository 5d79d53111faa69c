package app.atelier.organisation;

import app.atelier.image.Pictures;
import app.atelier.web.Current;
import app.atelier.web.Errors;
import app.atelier.web.Forms;
import app.atelier.web.Invalid;
import app.atelier.web.Notice;
import app.atelier.web.Page;
import app.atelier.web.Paths;
import app.atelier.web.Role;
import app.atelier.web.View;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;

/** Creating and editing an organisation, choosing its staff, and answering a staff offer. */
public final class OrganisationRoutes {

    /** {@code logo} is the current logo's name, or null for none and for a new organisation. */
    public record FormPage(Long organisationId, OrganisationForm form, Errors errors, String logo) implements Page {
        @Override
        public String template() {
            return "organisation/form.jte";
        }
    }

    private final OrganisationService organisations;
    private final Pictures pictures;

    public OrganisationRoutes(OrganisationService organisations, Pictures pictures) {
        this.organisations = organisations;
        this.pictures = pictures;
    }

    public void register(RoutesConfig routes) {
        routes.get("/organisations/new", this::createForm, Role.MEMBER);
        routes.post("/organisations", this::create, Role.MEMBER);
        routes.get("/organisations/{id}/edit", this::editForm, Role.OWNER);
        routes.post("/organisations/{id}", this::edit, Role.OWNER);
        routes.post("/organisations/{id}/staff/{memberId}/remove", this::removeStaff, Role.OWNER);
        routes.post("/organisations/{id}/staff-offer/accept", ctx -> answerOffer(ctx, true), Role.MEMBER);
        routes.post("/organisations/{id}/staff-offer/decline", ctx -> answerOffer(ctx, false), Role.MEMBER);
    }

    private void createForm(Context ctx) {
        View.render(ctx, new FormPage(null, OrganisationForm.empty(), Errors.none(), null));
    }

    private void create(Context ctx) {
        var form = OrganisationForm.from(ctx);
        try {
            long id = organisations.create(Current.viewer(ctx), form);
            Notice.done(ctx, "notice.organisationCreated", form.name().strip());
            ctx.redirect(Paths.organisation(id));
        } catch (Invalid e) {
            View.invalid(ctx, new FormPage(null, form, e.errors(), null));
        }
    }

    private void editForm(Context ctx) {
        long id = Forms.pathId(ctx, "id");
        var organisation = organisations.owned(Current.viewer(ctx), id);
        var form = new OrganisationForm(organisation.name(), organisation.description());
        View.render(ctx, new FormPage(id, form, Errors.none(), organisation.logo()));
    }

    private void edit(Context ctx) {
        long id = Forms.pathId(ctx, "id");
        var form = OrganisationForm.from(ctx);
        var viewer = Current.viewer(ctx);
        var logo = organisations.owned(viewer, id).logo();
        try {
            pictures.replace(Pictures.Choice.from(ctx), chosen -> organisations.update(viewer, id, form, chosen));
            ctx.redirect(Paths.organisation(id));
        } catch (Invalid e) {
            View.invalid(ctx, new FormPage(id, form, e.errors(), logo));
        }
    }

    private void removeStaff(Context ctx) {
        long id = Forms.pathId(ctx, "id");
        organisations.removeStaff(Current.viewer(ctx), id, Forms.pathId(ctx, "memberId"));
        ctx.redirect(Paths.organisation(id) + "#staff");
    }

    private void answerOffer(Context ctx, boolean accept) {
        long id = Forms.pathId(ctx, "id");
        organisations.answerOffer(Current.viewer(ctx), id, accept);
        ctx.redirect(accept ? Paths.organisation(id) : "/account#offers");
    }
}
