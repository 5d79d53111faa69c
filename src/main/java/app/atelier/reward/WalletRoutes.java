package app.atelier.reward;

import app.atelier.ledger.LedgerCheck;
import app.atelier.web.Current;
import app.atelier.web.Errors;
import app.atelier.web.Forms;
import app.atelier.web.Invalid;
import app.atelier.web.Role;
import app.atelier.web.View;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;

/** An organisation's wallet, and the platform admin's ledger page: deposits and the books' check. */
public final class WalletRoutes {

    public record WalletPage(WalletService.Wallet wallet) {
    }

    public record LedgerPage(LedgerCheck check, WalletService.DepositForm form, Errors errors, boolean recorded) {
    }

    private final WalletService wallets;

    public WalletRoutes(WalletService wallets) {
        this.wallets = wallets;
    }

    public void register(RoutesConfig routes) {
        routes.get("/organisations/{id}/wallet", ctx -> View.render(ctx, "reward/wallet.jte",
                new WalletPage(wallets.wallet(Current.viewer(ctx), Forms.pathId(ctx, "id"), Forms.page(ctx)))), Role.MEMBER);
        routes.get("/admin/ledger", ctx -> View.render(ctx, "reward/ledger.jte", new LedgerPage(wallets.check(Current.viewer(ctx)),
                WalletService.DepositForm.empty(), Errors.none(), ctx.queryParam("recorded") != null)), Role.ADMIN);
        routes.post("/admin/deposits", this::deposit, Role.ADMIN);
    }

    private void deposit(Context ctx) {
        var form = new WalletService.DepositForm(Forms.text(ctx, "organisationId"), Forms.text(ctx, "amount"), Forms.text(ctx, "reference"));
        try {
            wallets.deposit(Current.viewer(ctx), form, Current.text(ctx).locale());
            ctx.redirect("/admin/ledger?recorded");
        } catch (Invalid e) {
            View.invalid(ctx, "reward/ledger.jte", new LedgerPage(wallets.check(Current.viewer(ctx)), form, e.errors(), false));
        }
    }
}
