package app.atelier.reward;

import app.atelier.ledger.Amounts;
import app.atelier.ledger.LedgerCheck;
import app.atelier.web.Current;
import app.atelier.web.Errors;
import app.atelier.web.Forms;
import app.atelier.web.Invalid;
import app.atelier.web.Page;
import app.atelier.web.Role;
import app.atelier.web.View;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.List;

/** An organisation's wallet, and the platform admin's ledger page: deposits and the books' check. */
public final class WalletRoutes {

    public record WalletPage(WalletService.Wallet wallet) implements Page {
        @Override
        public String template() {
            return "reward/wallet.jte";
        }
    }

    public record LedgerPage(LedgerCheck check, long revenue, List<Payout> payouts, List<Offer> disputes, String feeRate,
                             WalletService.DepositForm form, Errors errors, boolean recorded) implements Page {
        @Override
        public String template() {
            return "reward/ledger.jte";
        }
    }

    private final WalletService wallets;
    private final PayoutService payouts;
    private final MarketService market;

    public WalletRoutes(WalletService wallets, PayoutService payouts, MarketService market) {
        this.wallets = wallets;
        this.payouts = payouts;
        this.market = market;
    }

    public void register(RoutesConfig routes) {
        routes.get("/organisations/{id}/wallet", ctx -> View.render(ctx, new WalletPage(wallets.wallet(Current.viewer(ctx), Forms.pathId(ctx, "id"), Forms.page(ctx)))), Role.MEMBER);
        routes.get("/organisations/{id}/wallet.csv", ctx -> {
            long id = Forms.pathId(ctx, "id");
            RewardRoutes.csv(ctx, "wallet-" + id + ".csv", wallets.walletCsv(Current.viewer(ctx), id));
        }, Role.MEMBER);
        routes.get("/admin/ledger", ctx -> ledger(ctx, WalletService.DepositForm.empty(), Errors.none(), ctx.queryParam("recorded") != null), Role.ADMIN);
        routes.post("/admin/deposits", this::deposit, Role.ADMIN);
        routes.post("/admin/payouts/{id}/paid", this::markPaid, Role.ADMIN);
        routes.post("/admin/fee-rate", this::setFeeRate, Role.ADMIN);
    }

    private void deposit(Context ctx) {
        var form = new WalletService.DepositForm(Forms.text(ctx, "organisationId"), Forms.text(ctx, "amount"), Forms.text(ctx, "reference"));
        try {
            wallets.deposit(Current.viewer(ctx), form, Current.text(ctx).locale());
            ctx.redirect("/admin/ledger?recorded");
        } catch (Invalid e) {
            ctx.status(422);
            ledger(ctx, form, e.errors(), false);
        }
    }

    private void markPaid(Context ctx) {
        try {
            payouts.markPaid(Current.viewer(ctx), Forms.pathId(ctx, "id"), Forms.text(ctx, "reference"));
            ctx.redirect("/admin/ledger?recorded#payouts");
        } catch (Invalid e) {
            ctx.status(422);
            ledger(ctx, WalletService.DepositForm.empty(), e.errors(), false);
        }
    }

    private void setFeeRate(Context ctx) {
        try {
            market.setFeeRate(Current.viewer(ctx), Forms.text(ctx, "feeRate"), Current.text(ctx).locale());
            ctx.redirect("/admin/ledger?recorded#fee");
        } catch (Invalid e) {
            ctx.status(422);
            ledger(ctx, WalletService.DepositForm.empty(), e.errors(), false);
        }
    }

    private void ledger(Context ctx, WalletService.DepositForm form, Errors errors, boolean recorded) {
        var viewer = Current.viewer(ctx);
        String feeRate = Amounts.percent(market.feeRate()).toPlainString();
        View.render(ctx, new LedgerPage(wallets.check(viewer), wallets.revenue(viewer), payouts.allOpen(viewer), market.disputed(viewer), feeRate,
                form, errors, recorded));
    }
}
