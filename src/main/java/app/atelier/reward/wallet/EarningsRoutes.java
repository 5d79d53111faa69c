package app.atelier.reward.wallet;

import app.atelier.ledger.LedgerCsv;
import app.atelier.recognition.Recognition;
import app.atelier.web.Current;
import app.atelier.web.Forms;
import app.atelier.web.HttpProblem;
import app.atelier.web.Page;
import app.atelier.web.Role;
import app.atelier.web.View;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;

/** A member's own rewards: earnings, shares, recognition, payouts, the CSV and the monthly statements. */
public final class EarningsRoutes {

    /**
     * @param missing what a payout waits for the member to give: how they are paid, or where
     * @param history the member's latest payouts, with where each stands
     */
    public record RewardsPage(EarningsService.Earnings earnings, Optional<Payout> payout, boolean asked, Recognition.Standing standing, Optional<PayoutService.Missing> missing,
                              List<Payout> history) implements Page {
        @Override
        public String template() {
            return "reward/mine.jte";
        }

        public boolean mayAsk() {
            return payout.isEmpty() && earnings.balance() >= PayoutService.MINIMUM && missing.isEmpty();
        }

        public long minimum() {
            return PayoutService.MINIMUM;
        }
    }

    /** A month of an account; {@code base} is the statement's own address, which the month is added to; {@code fees} for a payee. */
    public record StatementPage(Statement statement, String base, boolean fees) implements Page {
        @Override
        public String template() {
            return "reward/statement.jte";
        }
    }

    private final EarningsService earnings;
    private final PayoutService payouts;
    private final Recognition recognition;

    public EarningsRoutes(EarningsService earnings, PayoutService payouts, Recognition recognition) {
        this.earnings = earnings;
        this.payouts = payouts;
        this.recognition = recognition;
    }

    public void register(RoutesConfig routes) {
        routes.get("/rewards", ctx -> View.render(ctx, new RewardsPage(earnings.earnings(Current.viewer(ctx), Forms.page(ctx)),
                payouts.open(Current.viewer(ctx)), ctx.queryParam("asked") != null, recognition.standing(Current.viewer(ctx).id()),
                payouts.missing(Current.viewer(ctx)), payouts.mine(Current.viewer(ctx)))), Role.MEMBER);
        routes.get("/rewards.csv", ctx -> csv(ctx, "atelier-rewards.csv", earnings.earningsCsv(Current.viewer(ctx), Current.text(ctx))), Role.MEMBER);
        routes.get("/rewards/statement", ctx -> View.render(ctx,
                new StatementPage(earnings.statement(Current.viewer(ctx), month(ctx), Current.text(ctx).zone()), "/rewards/statement", true)), Role.MEMBER);
        routes.get("/rewards/statement.csv", ctx -> {
            var statement = earnings.statement(Current.viewer(ctx), month(ctx), Current.text(ctx).zone());
            csv(ctx, "atelier-rewards-" + statement.month() + ".csv", LedgerCsv.of(statement.period(), statement.currency(), Current.text(ctx)));
        }, Role.MEMBER);
        routes.post("/rewards/payout", ctx -> {
            payouts.request(Current.viewer(ctx));
            ctx.redirect("/rewards?asked");
        }, Role.MEMBER);
    }

    /** The month a statement's address asks for (?month=2026-03), this month when it names none. */
    static YearMonth month(Context ctx) {
        String typed = ctx.queryParam("month");
        if (typed == null || typed.isBlank()) return YearMonth.now(Current.text(ctx).zone());
        try {
            var month = YearMonth.parse(typed.strip());
            if (month.getYear() < 2000 || month.getYear() > 9999) throw new HttpProblem.BadRequest();
            return month;
        } catch (DateTimeParseException e) {
            throw new HttpProblem.BadRequest();
        }
    }

    /** A download, never cached: it shows someone's money. */
    static void csv(Context ctx, String filename, String csv) {
        ctx.contentType("text/csv; charset=utf-8").header("Content-Disposition", "attachment; filename=\"" + filename + "\"")
                .header("Cache-Control", "no-store").result(csv);
    }
}
