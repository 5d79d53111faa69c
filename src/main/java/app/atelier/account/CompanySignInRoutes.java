package app.atelier.account;

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

/** Company sign-in: the owner's settings of the provider, and the way through it for people with its addresses. */
public final class CompanySignInRoutes {
    static final String CALLBACK = "/login/company/callback";

    /** @param callback the address the provider must allow to send people back to */
    public record SettingsPage(long organisationId, String callback, CompanySignInService.Form form, Errors errors) implements Page {
        @Override
        public String template() {
            return "account/company-settings.jte";
        }
    }

    /** The provider named an address that has an account here: its password, once, links the two. */
    public record LinkPage(String state, String email, Errors errors) implements Page {
        @Override
        public String template() {
            return "account/company-link.jte";
        }
    }

    private final CompanySignInService companies;
    private final AccountRoutes accountRoutes;

    public CompanySignInRoutes(CompanySignInService companies, AccountRoutes accountRoutes) {
        this.companies = companies;
        this.accountRoutes = accountRoutes;
    }

    public void register(RoutesConfig routes) {
        routes.get("/organisations/{id}/sign-in", ctx -> View.render(ctx, new SettingsPage(id(ctx), companies.callback(), companies.settings(Current.viewer(ctx), id(ctx)), Errors.none())),
                Role.OWNER);
        routes.post("/organisations/{id}/sign-in", this::save, Role.OWNER);
        routes.post("/login/company", this::start, Role.ANYONE);
        routes.get(CALLBACK, this::callback, Role.ANYONE);
        routes.post("/login/company/link", this::link, Role.ANYONE);
    }

    private void save(Context ctx) {
        var form = new CompanySignInService.Form(Forms.text(ctx, "issuer"), Forms.text(ctx, "clientId"), Forms.text(ctx, "clientSecret"), Forms.text(ctx, "domains"));
        try {
            companies.save(Current.viewer(ctx), id(ctx), form);
            Notice.done(ctx, "company.saved");
            ctx.redirect(Paths.organisation(id(ctx)));
        } catch (Invalid e) {
            View.invalid(ctx, new SettingsPage(id(ctx), companies.callback(), new CompanySignInService.Form(form.issuer(), form.clientId(), "", form.domains()), e.errors()));
        }
    }

    private void start(Context ctx) {
        String email = Forms.text(ctx, "companyEmail");
        try {
            ctx.redirect(companies.start(email).toString());
        } catch (Invalid e) {
            accountRoutes.ensureFormToken(ctx);
            View.invalid(ctx, new AccountRoutes.LogInPage("", e.errors(), "/", null));
        }
    }

    private void callback(Context ctx) {
        var outcome = companies.finish(ctx.queryParam("code"), ctx.queryParam("state"), ctx.queryParam("error"), Current.state(ctx).sessionId());
        if (outcome instanceof CompanySignInService.SignedIn signedIn) {
            accountRoutes.startSession(ctx, signedIn.session());
            ctx.redirect("/");
        } else if (outcome instanceof CompanySignInService.LinkAsked asked) {
            accountRoutes.ensureFormToken(ctx);
            View.render(ctx, new LinkPage(asked.state(), asked.email(), Errors.none()));
        }
    }

    private void link(Context ctx) {
        String state = Forms.text(ctx, "state");
        try {
            accountRoutes.startSession(ctx, companies.link(state, ctx.formParam("password"), ctx.ip(), Current.state(ctx).sessionId()));
            Notice.done(ctx, "company.linked");
            ctx.redirect("/");
        } catch (Invalid e) {
            View.invalid(ctx, new LinkPage(state, "", e.errors()));
        }
    }

    private static long id(Context ctx) {
        return Forms.pathId(ctx, "id");
    }
}
