package app.atelier.reward.contest;

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
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** The winners a manager picks at decision, with the community's ranking beside them. */
public final class ContestRoutes {

    /** {@code ranks} and {@code mentions} are what the manager picked, shown again when it was refused. */
    public record DecisionPage(ContestService.Decision decision, Map<Integer, Long> ranks, List<Long> mentions, Errors errors) implements Page {
        @Override
        public String template() {
            return "reward/decide.jte";
        }

        public boolean picked(int rank, long contributionId) {
            return Long.valueOf(contributionId).equals(ranks.get(rank));
        }
    }

    private final ContestService contests;

    public ContestRoutes(ContestService contests) {
        this.contests = contests;
    }

    public void register(RoutesConfig routes) {
        routes.get("/challenges/{id}/results/new", ctx -> decide(ctx, Map.of(), List.of(), Errors.none()), Role.MANAGER);
        routes.post("/challenges/{id}/results", this::settle, Role.MANAGER);
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
            contests.settle(Current.viewer(ctx), id, ranks, mentions, Forms.multiline(ctx, "outcome"));
            ctx.redirect(Paths.challenge(id) + "#results");
        } catch (Invalid e) {
            ctx.status(422);
            decide(ctx, ranks, mentions, e.errors());
        }
    }

    private void decide(Context ctx, Map<Integer, Long> ranks, List<Long> mentions, Errors errors) {
        var decision = contests.decision(Current.viewer(ctx), Forms.pathId(ctx, "id"));
        View.render(ctx, new DecisionPage(decision, ranks, mentions, errors));
    }
}
