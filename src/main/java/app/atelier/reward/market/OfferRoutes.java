package app.atelier.reward.market;

import app.atelier.reward.plan.LargePayment;
import app.atelier.web.Current;
import app.atelier.web.Errors;
import app.atelier.web.Forms;
import app.atelier.web.HttpProblem;
import app.atelier.web.Invalid;
import app.atelier.web.Page;
import app.atelier.web.Paths;
import app.atelier.web.Role;
import app.atelier.web.View;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.math.BigDecimal;

/** Marketplace offers: made by a manager on an accepted contribution, then moved on by the contributor, the manager or an admin. */
public final class OfferRoutes {

    public record NewOfferPage(MarketService.Offering offering, String price, Errors errors) implements Page {
        @Override
        public String template() {
            return "reward/offer-new.jte";
        }

        public BigDecimal feePercent() {
            return offering.fee().percent();
        }
    }

    /**
     * {@code note} is what was typed with a delivery, a rejection, a dispute or a payment after reflection, and
     * {@code amount} what was typed for that payment, shown again when refused.
     */
    public record OfferPage(MarketService.Seen seen, String note, String amount, Errors errors) implements Page {
        /** Whether the amount typed is large enough that the person is asked to confirm it. */
        public boolean confirmAsked() {
            return LargePayment.asked(errors.get("amount"));
        }

        @Override
        public String template() {
            return "reward/offer.jte";
        }
    }

    private final MarketService market;

    public OfferRoutes(MarketService market) {
        this.market = market;
    }

    public void register(RoutesConfig routes) {
        routes.get("/contributions/{id}/offers/new", ctx -> View.render(ctx, new NewOfferPage(market.offering(Current.viewer(ctx), Forms.pathId(ctx, "id")), "", Errors.none())), Role.MEMBER);
        routes.post("/contributions/{id}/offers", this::offer, Role.MEMBER);
        routes.get("/offers/{id}", ctx -> render(ctx, "", "", Errors.none()), Role.MEMBER);
        routes.post("/offers/{id}/{action}", this::act, Role.MEMBER);
    }

    private void offer(Context ctx) {
        long contributionId = Forms.pathId(ctx, "id");
        String price = Forms.text(ctx, "price");
        try {
            ctx.redirect(Paths.offer(market.offer(Current.viewer(ctx), contributionId, price, Current.text(ctx).locale())));
        } catch (Invalid e) {
            View.invalid(ctx, new NewOfferPage(market.offering(Current.viewer(ctx), contributionId), price, e.errors()));
        }
    }

    private void act(Context ctx) {
        long id = Forms.pathId(ctx, "id");
        var viewer = Current.viewer(ctx);
        String note = Forms.multiline(ctx, "note");
        String amount = Forms.text(ctx, "amount");
        try {
            switch (ctx.pathParam("action")) {
                case "accept" -> market.accept(viewer, id);
                case "decline" -> market.decline(viewer, id);
                case "deliver" -> market.deliver(viewer, id, note);
                case "approve" -> market.approve(viewer, id);
                case "reject" -> market.reject(viewer, id, note);
                case "dispute" -> market.dispute(viewer, id, note);
                case "pay" -> market.resolve(viewer, id, true);
                case "refund" -> market.resolve(viewer, id, false);
                case "reflection" -> market.payAfterReflection(viewer, id, amount, note, "yes".equals(ctx.formParam("confirmLarge")), Current.text(ctx).locale());
                default -> throw new HttpProblem.NotFound();
            }
            ctx.redirect(Paths.offer(id));
        } catch (Invalid e) {
            ctx.status(422);
            render(ctx, note, amount, e.errors());
        }
    }

    private void render(Context ctx, String note, String amount, Errors errors) {
        View.render(ctx, new OfferPage(market.seen(Current.viewer(ctx), Forms.pathId(ctx, "id")), note, amount, errors));
    }
}
