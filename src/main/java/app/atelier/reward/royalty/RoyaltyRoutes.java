package app.atelier.reward.royalty;

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
import java.util.HashMap;
import java.util.Map;

/** The manager's royalty page: contributors' shares while they are a proposal, then sales declarations. */
public final class RoyaltyRoutes {

    /** {@code weights} and the declaration's fields are what was typed, shown again when refused. */
    public record RoyaltyPage(RoyaltyService.Managed managed, Map<Long, String> weights, String period, String netSales, Errors errors) implements Page {
        @Override
        public String template() {
            return "reward/royalty.jte";
        }

        public String weight(Share share) {
            return weights.getOrDefault(share.memberId(), String.valueOf(share.effectiveWeight()));
        }
    }

    private final RoyaltyService royalties;

    public RoyaltyRoutes(RoyaltyService royalties) {
        this.royalties = royalties;
    }

    public void register(RoutesConfig routes) {
        routes.get("/challenges/{id}/royalty", ctx -> render(ctx, Map.of(), "", "", Errors.none()), Role.MANAGER);
        routes.post("/challenges/{id}/shares", this::saveShares, Role.MANAGER);
        routes.post("/challenges/{id}/declarations", this::declare, Role.MANAGER);
    }

    private void saveShares(Context ctx) {
        long id = Forms.pathId(ctx, "id");
        var typed = new HashMap<Long, String>();
        ctx.formParamMap().forEach((name, values) -> {
            if (name.matches("weight\\d{1,18}") && !values.isEmpty()) typed.put(Long.valueOf(name.substring("weight".length())), values.get(0));
        });
        try {
            royalties.saveShares(Current.viewer(ctx), id, typed, "fix".equals(ctx.formParam("action")));
            ctx.redirect(Paths.challenge(id) + "/royalty");
        } catch (Invalid e) {
            ctx.status(422);
            render(ctx, typed, "", "", e.errors());
        }
    }

    private void declare(Context ctx) {
        long id = Forms.pathId(ctx, "id");
        String period = Forms.text(ctx, "period");
        String netSales = Forms.text(ctx, "netSales");
        try {
            royalties.declare(Current.viewer(ctx), id, period, netSales, Current.text(ctx).locale(), Current.text(ctx).zone());
            ctx.redirect(Paths.challenge(id) + "/royalty");
        } catch (Invalid e) {
            ctx.status(422);
            render(ctx, Map.of(), period, netSales, e.errors());
        }
    }

    private void render(Context ctx, Map<Long, String> weights, String period, String netSales, Errors errors) {
        var managed = royalties.managed(Current.viewer(ctx), Forms.pathId(ctx, "id"));
        View.render(ctx, new RoyaltyPage(managed, weights, period, netSales, errors));
    }
}
