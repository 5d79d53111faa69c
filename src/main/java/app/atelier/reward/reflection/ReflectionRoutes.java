package app.atelier.reward.reflection;

import app.atelier.reward.plan.LargePayment;
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

/** The page where an organisation's managers pay what they wish once the challenge is decided. */
public final class ReflectionRoutes {

    public record ReflectionPage(ReflectionService.Page reflection, ReflectionService.PayForm form, Errors errors) implements Page {
        /** Whether the total typed is large enough that the person is asked to confirm it. */
        public boolean confirmAsked() {
            return LargePayment.asked(errors.get("total"));
        }

        @Override
        public String template() {
            return "reward/reflection.jte";
        }
    }

    private final ReflectionService reflections;

    public ReflectionRoutes(ReflectionService reflections) {
        this.reflections = reflections;
    }

    public void register(RoutesConfig routes) {
        routes.get("/challenges/{id}/reflection", ctx -> View.render(ctx, new ReflectionPage(reflections.page(Current.viewer(ctx), Forms.pathId(ctx, "id")),
                ReflectionService.PayForm.empty(), Errors.none())), Role.MANAGER);
        routes.post("/challenges/{id}/reflection", this::pay, Role.MANAGER);
    }

    private void pay(Context ctx) {
        long id = Forms.pathId(ctx, "id");
        var viewer = Current.viewer(ctx);
        var page = reflections.page(viewer, id);
        var amounts = new HashMap<Long, String>();
        var weights = new HashMap<Long, String>();
        for (var contributor : page.contributors()) {
            amounts.put(contributor.memberId(), Forms.text(ctx, "amount-" + contributor.memberId()));
            weights.put(contributor.memberId(), Forms.text(ctx, "weight-" + contributor.memberId()));
        }
        var mode = Forms.choice(ReflectionService.Mode.class, ctx.formParam("mode"));
        var form = new ReflectionService.PayForm(mode == null ? ReflectionService.Mode.EACH : mode, amounts, Forms.text(ctx, "total"), weights,
                Forms.multiline(ctx, "message"), "yes".equals(ctx.formParam("confirmLarge")));
        try {
            reflections.pay(viewer, id, form, Current.text(ctx).locale());
            ctx.redirect(Paths.challenge(id) + "#rewards");
        } catch (Invalid e) {
            View.invalid(ctx, new ReflectionPage(page, form, e.errors()));
        }
    }
}
