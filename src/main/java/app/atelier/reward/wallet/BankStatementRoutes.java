package app.atelier.reward.wallet;

import app.atelier.organisation.Organisation;
import app.atelier.web.Current;
import app.atelier.web.Errors;
import app.atelier.web.Forms;
import app.atelier.web.HttpProblem;
import app.atelier.web.Invalid;
import app.atelier.web.Notice;
import app.atelier.web.Page;
import app.atelier.web.Role;
import app.atelier.web.View;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.io.IOException;
import java.util.List;

/** The platform's bank account as the admin keeps it: statements imported, and the entries no wallet matched. */
public final class BankStatementRoutes {
    public record BankPage(List<WaitingEntry> waiting, List<Organisation> organisations, Errors errors) implements Page {
        @Override
        public String template() {
            return "reward/bank.jte";
        }
    }

    private final WalletService wallets;

    public BankStatementRoutes(WalletService wallets) {
        this.wallets = wallets;
    }

    public void register(RoutesConfig routes) {
        routes.get("/admin/bank", ctx -> page(ctx, Errors.none()), Role.ADMIN);
        routes.post("/admin/bank/statements", this::importStatement, Role.ADMIN);
        routes.post("/admin/bank/entries/assign", ctx -> act(ctx, () -> wallets.assign(Current.viewer(ctx), Forms.text(ctx, "reference"),
                Forms.text(ctx, "organisation")), "bank.assigned"), Role.ADMIN);
        routes.post("/admin/bank/entries/return", ctx -> act(ctx, () -> wallets.sendBack(Current.viewer(ctx), Forms.text(ctx, "reference")), "bank.sentBack"),
                Role.ADMIN);
    }

    private void page(Context ctx, Errors errors) {
        var viewer = Current.viewer(ctx);
        var page = new BankPage(wallets.waiting(viewer), wallets.organisations(viewer), errors);
        if (errors.any()) View.invalid(ctx, page);
        else View.render(ctx, page);
    }

    private void importStatement(Context ctx) throws IOException {
        var file = ctx.uploadedFile("statement");
        if (file == null || file.size() == 0) {
            page(ctx, Errors.none().add("statement", "error.required"));
            return;
        }
        try (var in = file.content()) {
            var done = wallets.importStatement(Current.viewer(ctx), in);
            Notice.done(ctx, "bank.imported", done.recorded(), done.already(), done.waiting(), done.payouts(), done.out());
            ctx.redirect("/admin/bank");
        } catch (Invalid e) {
            page(ctx, e.errors());
        }
    }

    private void act(Context ctx, Runnable step, String done) {
        try {
            step.run();
            Notice.done(ctx, done);
            ctx.redirect("/admin/bank");
        } catch (Invalid e) {
            page(ctx, e.errors());
        } catch (HttpProblem.Conflict e) {
            Notice.refused(ctx, e);
            ctx.redirect("/admin/bank");
        }
    }
}
