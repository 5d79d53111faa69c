package app.atelier.invoice;

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
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/** The organisation's billing profile, for its owner, and each member's payee profile. */
public final class BillingRoutes {
    /** A country a profile may be in, named in the reader's language. */
    public record Country(String code, String name) {
        public static List<Country> all(Locale locale) {
            return CompanyNumbers.EU.stream().map(code -> new Country(code, new Locale.Builder().setRegion(code).build().getDisplayCountry(locale)))
                    .sorted(Comparator.comparing(Country::name)).toList();
        }
    }

    public record BillingPage(long organisationId, Party form, Errors errors) implements Page {
        @Override
        public String template() {
            return "invoice/billing.jte";
        }
    }

    public record PayeePage(PayeeForm form, Errors errors, boolean saved) implements Page {
        @Override
        public String template() {
            return "invoice/payee.jte";
        }
    }

    private final BillingService billing;

    public BillingRoutes(BillingService billing) {
        this.billing = billing;
    }

    public void register(RoutesConfig routes) {
        routes.get("/organisations/{id}/billing", this::billingForm, Role.OWNER);
        routes.post("/organisations/{id}/billing", this::saveBilling, Role.OWNER);
        routes.get("/account/payee", this::payeeForm, Role.MEMBER);
        routes.post("/account/payee", this::savePayee, Role.MEMBER);
    }

    private void billingForm(Context ctx) {
        long id = Forms.pathId(ctx, "id");
        View.render(ctx, new BillingPage(id, billing.billing(Current.viewer(ctx), id).orElse(Party.empty()), Errors.none()));
    }

    private void saveBilling(Context ctx) {
        long id = Forms.pathId(ctx, "id");
        var form = Party.from(ctx);
        try {
            billing.saveBilling(Current.viewer(ctx), id, form);
            Notice.done(ctx, "billing.saved");
            ctx.redirect(Paths.organisation(id));
        } catch (Invalid e) {
            View.invalid(ctx, new BillingPage(id, form, e.errors()));
        }
    }

    private void payeeForm(Context ctx) {
        var viewer = Current.viewer(ctx);
        var profile = billing.payee(viewer);
        View.render(ctx, new PayeePage(profile.map(PayeeForm::of).orElse(PayeeForm.empty(viewer.name())), Errors.none(), profile.isPresent()));
    }

    private void savePayee(Context ctx) {
        var form = PayeeForm.from(ctx);
        try {
            billing.savePayee(Current.viewer(ctx), form);
            Notice.done(ctx, "payee.saved");
            ctx.redirect("/account/payee");
        } catch (Invalid e) {
            View.invalid(ctx, new PayeePage(form, e.errors(), false));
        }
    }
}
