package app.atelier.reward;

import app.atelier.reward.plan.PlanForm;
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

/** The reward plan of a draft: its prizes, royalty and reflection terms, set before it opens. */
public final class RewardRoutes {

    public record PrizesPage(RewardService.Draft draft, PlanForm form, Errors errors) implements Page {
        @Override
        public String template() {
            return "reward/prizes.jte";
        }
    }

    private final RewardService rewards;

    public RewardRoutes(RewardService rewards) {
        this.rewards = rewards;
    }

    public void register(RoutesConfig routes) {
        routes.get("/challenges/{id}/prizes", this::prizesForm, Role.MANAGER);
        routes.post("/challenges/{id}/prizes", this::setPrizes, Role.MANAGER);
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
}
