package app.atelier.reward;

import app.atelier.recognition.Recognition;
import app.atelier.web.Current;
import app.atelier.web.Errors;
import app.atelier.web.Forms;
import app.atelier.web.Invalid;
import app.atelier.web.Page;
import app.atelier.web.Paths;
import app.atelier.web.Role;
import app.atelier.web.View;
import app.atelier.ledger.LedgerCsv;
import app.atelier.web.HttpProblem;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/** The prize table of a draft, the winners picked at decision, and a member's own rewards. */
public final class RewardRoutes {

    public record PrizesPage(RewardService.Draft draft, PlanForm form, Errors errors) implements Page {
        @Override
        public String template() {
            return "reward/prizes.jte";
        }
    }

    /** {@code ranks} and {@code mentions} are what the manager picked, shown again when it was refused. */
    public record DecisionPage(RewardService.Decision decision, Map<Integer, Long> ranks, List<Long> mentions, Errors errors) implements Page {
        @Override
        public String template() {
            return "reward/decide.jte";
        }

        public boolean picked(int rank, long contributionId) {
            return Long.valueOf(contributionId).equals(ranks.get(rank));
        }
    }

    public record RewardsPage(RewardService.Earnings earnings, Optional<Payout> payout, boolean asked, Recognition.Standing standing) implements Page {
        @Override
        public String template() {
            return "reward/mine.jte";
        }

        public boolean mayAsk() {
            return payout.isEmpty() && earnings.balance() >= PayoutService.MINIMUM;
        }

        public long minimum() {
            return PayoutService.MINIMUM;
        }
    }

    private final RewardService rewards;
    private final PayoutService payouts;
    private final Recognition recognition;

    /** A month of an account; {@code base} is the statement's own address, which the month is added to; {@code fees} for a payee. */
    public record StatementPage(Statement statement, String base, boolean fees) implements Page {
        @Override
        public String template() {
            return "reward/statement.jte";
        }
    }

    public RewardRoutes(RewardService rewards, PayoutService payouts, Recognition recognition) {
        this.rewards = rewards;
        this.payouts = payouts;
        this.recognition = recognition;
    }

    public void register(RoutesConfig routes) {
        routes.get("/challenges/{id}/prizes", this::prizesForm, Role.MEMBER);
        routes.post("/challenges/{id}/prizes", this::setPrizes, Role.MEMBER);
        routes.get("/challenges/{id}/results/new", ctx -> decide(ctx, Map.of(), List.of(), Errors.none()), Role.MEMBER);
        routes.post("/challenges/{id}/results", this::settle, Role.MEMBER);
        routes.get("/rewards", ctx -> View.render(ctx, new RewardsPage(rewards.earnings(Current.viewer(ctx), Forms.page(ctx)),
                payouts.open(Current.viewer(ctx)), ctx.queryParam("asked") != null, recognition.standing(Current.viewer(ctx).id()))), Role.MEMBER);
        routes.get("/rewards.csv", ctx -> csv(ctx, "atelier-rewards.csv", rewards.earningsCsv(Current.viewer(ctx), Current.text(ctx))), Role.MEMBER);
        routes.get("/rewards/statement", ctx -> View.render(ctx,
                new StatementPage(rewards.statement(Current.viewer(ctx), month(ctx), Current.text(ctx).zone()), "/rewards/statement", true)), Role.MEMBER);
        routes.get("/rewards/statement.csv", ctx -> {
            var statement = rewards.statement(Current.viewer(ctx), month(ctx), Current.text(ctx).zone());
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

    private void prizesForm(Context ctx) {
        long id = Forms.pathId(ctx, "id");
        var draft = rewards.draft(Current.viewer(ctx), id);
        var form = PlanForm.of(rewards.terms(id), draft.currency(), Current.text(ctx));
        View.render(ctx, new PrizesPage(draft, form, Errors.none()));
    }

    private void setPrizes(Context ctx) {
        long id = Forms.pathId(ctx, "id");
        var form = PlanForm.from(ctx);
        try {
            rewards.setPlan(Current.viewer(ctx), id, form, Current.text(ctx).locale());
            ctx.redirect(Paths.challenge(id) + "#rewards");
        } catch (Invalid e) {
            View.invalid(ctx, new PrizesPage(rewards.draft(Current.viewer(ctx), id), form, e.errors()));
        }
    }

    private void settle(Context ctx) {
        long id = Forms.pathId(ctx, "id");
        var ranks = new LinkedHashMap<Integer, Long>();
        for (int rank = 1; rank <= PlanForm.RANKS; rank++) {
            Long picked = Forms.optionalId(ctx.formParam("rank" + rank));
            if (picked != null) ranks.put(rank, picked);
        }
        var mentions = new ArrayList<Long>();
        for (String value : ctx.formParams("mention")) mentions.add(Forms.optionalId(value));
        mentions.removeIf(Objects::isNull);
        try {
            rewards.settle(Current.viewer(ctx), id, ranks, mentions);
            ctx.redirect(Paths.challenge(id) + "#results");
        } catch (Invalid e) {
            ctx.status(422);
            decide(ctx, ranks, mentions, e.errors());
        }
    }

    private void decide(Context ctx, Map<Integer, Long> ranks, List<Long> mentions, Errors errors) {
        var decision = rewards.decision(Current.viewer(ctx), Forms.pathId(ctx, "id"));
        View.render(ctx, new DecisionPage(decision, ranks, mentions, errors));
    }
}
