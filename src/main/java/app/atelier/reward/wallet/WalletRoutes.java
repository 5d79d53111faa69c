package app.atelier.reward.wallet;

import app.atelier.fee.FeeRates;
import app.atelier.ledger.LedgerCheck;
import app.atelier.ledger.LedgerCsv;
import app.atelier.organisation.Organisation;
import app.atelier.reward.market.MarketService;
import app.atelier.reward.market.Offer;
import app.atelier.web.Current;
import app.atelier.web.Errors;
import app.atelier.web.Forms;
import app.atelier.web.Invalid;
import app.atelier.web.Page;
import app.atelier.web.Paths;
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

    /** {@code toConfirm} is a deposit read from the form, shown back for the admin to confirm before it is recorded. */
    public record LedgerPage(LedgerCheck check, List<HoldCheck.Unexplained> unexplained, long revenue, List<PayoutService.ToPay> payouts, List<PayoutBatch> batches, List<Offer> disputes,
                             String feeRate, List<Organisation> organisations, WalletService.DepositForm form, WalletService.Deposit toConfirm,
                             Errors errors, boolean recorded) implements Page {
        @Override
        public String template() {
            return "reward/ledger.jte";
        }
    }

    private final WalletService wallets;
    private final PayoutService payouts;
    private final MarketService market;
    private final FeeRates fees;

    public WalletRoutes(WalletService wallets, PayoutService payouts, MarketService market, FeeRates fees) {
        this.wallets = wallets;
        this.payouts = payouts;
        this.market = market;
        this.fees = fees;
    }

    public void register(RoutesConfig routes) {
        routes.get("/organisations/{id}/wallet", ctx -> View.render(ctx, new WalletPage(wallets.wallet(Current.viewer(ctx), Forms.pathId(ctx, "id"), Forms.page(ctx)))), Role.MANAGER);
        routes.get("/organisations/{id}/wallet.csv", ctx -> {
            long id = Forms.pathId(ctx, "id");
            EarningsRoutes.csv(ctx, "wallet-" + id + ".csv", wallets.walletCsv(Current.viewer(ctx), id, Current.text(ctx)));
        }, Role.MANAGER);
        routes.get("/organisations/{id}/statement", ctx -> {
            long id = Forms.pathId(ctx, "id");
            View.render(ctx, new EarningsRoutes.StatementPage(wallets.statement(Current.viewer(ctx), id, EarningsRoutes.month(ctx), Current.text(ctx).zone()),
                    Paths.organisation(id) + "/statement", false));
        }, Role.MANAGER);
        routes.get("/organisations/{id}/statement.csv", ctx -> {
            long id = Forms.pathId(ctx, "id");
            var statement = wallets.statement(Current.viewer(ctx), id, EarningsRoutes.month(ctx), Current.text(ctx).zone());
            EarningsRoutes.csv(ctx, "wallet-" + id + "-" + statement.month() + ".csv", LedgerCsv.of(statement.period(), statement.currency(), Current.text(ctx)));
        }, Role.MANAGER);
        routes.get("/admin/ledger", ctx -> ledger(ctx, WalletService.DepositForm.empty(), null, Errors.none(), ctx.queryParam("recorded") != null), Role.ADMIN);
        routes.post("/admin/deposits", this::deposit, Role.ADMIN);
        routes.post("/admin/payouts/{id}/paid", this::markPaid, Role.ADMIN);
        routes.post("/admin/payouts/batches", ctx -> {
            payouts.batch(Current.viewer(ctx));
            ctx.redirect("/admin/ledger?recorded#batches");
        }, Role.ADMIN);
        routes.get("/admin/payouts/batches/{id}/file", ctx -> {
            var batch = payouts.batchFile(Current.viewer(ctx), Forms.pathId(ctx, "id"));
            ctx.contentType("application/xml; charset=utf-8").header("Content-Disposition", "attachment; filename=\"" + batch.messageId() + ".pain.001.xml\"")
                    .header("Cache-Control", "no-store").result(batch.file());
        }, Role.ADMIN);
        routes.post("/admin/payouts/batches/{id}/confirm", ctx -> {
            payouts.confirm(Current.viewer(ctx), Forms.pathId(ctx, "id"));
            ctx.redirect("/admin/ledger?recorded#batches");
        }, Role.ADMIN);
        routes.post("/admin/fee-rate", this::setFeeRate, Role.ADMIN);
    }

    /** A deposit is read and shown back first; only the confirmed form records it. */
    private void deposit(Context ctx) {
        var form = new WalletService.DepositForm(Forms.text(ctx, "organisation"), Forms.text(ctx, "amount"), Forms.text(ctx, "reference"));
        var viewer = Current.viewer(ctx);
        var locale = Current.text(ctx).locale();
        try {
            if ("yes".equals(ctx.formParam("confirmed"))) {
                wallets.deposit(viewer, form, locale);
                ctx.redirect("/admin/ledger?recorded#deposit");
            } else {
                ledger(ctx, form, wallets.check(viewer, form, locale), Errors.none(), false);
            }
        } catch (Invalid e) {
            ctx.status(422);
            ledger(ctx, form, null, e.errors(), false);
        }
    }

    private void markPaid(Context ctx) {
        try {
            payouts.markPaid(Current.viewer(ctx), Forms.pathId(ctx, "id"), Forms.text(ctx, "reference"));
            ctx.redirect("/admin/ledger?recorded#payouts");
        } catch (Invalid e) {
            ctx.status(422);
            ledger(ctx, WalletService.DepositForm.empty(), null, e.errors(), false);
        }
    }

    private void setFeeRate(Context ctx) {
        try {
            fees.set(Current.viewer(ctx), Forms.text(ctx, "feeRate"), Current.text(ctx).locale());
            ctx.redirect("/admin/ledger?recorded#fee");
        } catch (Invalid e) {
            ctx.status(422);
            ledger(ctx, WalletService.DepositForm.empty(), null, e.errors(), false);
        }
    }

    private void ledger(Context ctx, WalletService.DepositForm form, WalletService.Deposit toConfirm, Errors errors, boolean recorded) {
        var viewer = Current.viewer(ctx);
        String feeRate = fees.current().percent().toPlainString();
        View.render(ctx, new LedgerPage(wallets.check(viewer), wallets.unexplainedHolds(viewer), wallets.revenue(viewer), payouts.allOpen(viewer), payouts.batches(viewer),
                market.disputed(viewer), feeRate, wallets.organisations(viewer), form, toConfirm, errors, recorded));
    }
}
