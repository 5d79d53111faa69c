package app.atelier.expert;

import app.atelier.recognition.Level;
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
import java.time.ZoneId;
import java.util.List;

/** An expert's rate and sessions, a company's booking, the session itself, and the admin's disputes. */
public final class ExpertRoutes {

    public record ExpertPage(ExpertService.RateForm form, Errors errors, boolean saved, List<Session> sessions) implements Page {
        @Override
        public String template() {
            return "expert/mine.jte";
        }
    }

    public record BookPage(ExpertService.Bookable expert, ExpertService.BookingForm form, Errors errors) implements Page {
        @Override
        public String template() {
            return "expert/book.jte";
        }
    }

    public record SessionPage(ExpertService.Seen seen, String reason, String refund, Errors errors) implements Page {
        @Override
        public String template() {
            return "expert/session.jte";
        }
    }

    /** {@code least} is the lowest level asked for, null for any. */
    public record DirectoryPage(List<ExpertService.Recognised> experts, Level least, ExpertService.Booker booker) implements Page {
        @Override
        public String template() {
            return "expert/directory.jte";
        }

        public List<Level> levels() {
            return List.of(Level.values());
        }
    }

    public record DisputesPage(List<Session> sessions) implements Page {
        @Override
        public String template() {
            return "expert/disputes.jte";
        }
    }

    private final ExpertService experts;
    private final ZoneId zone;

    public ExpertRoutes(ExpertService experts, ZoneId zone) {
        this.experts = experts;
        this.zone = zone;
    }

    public void register(RoutesConfig routes) {
        routes.get("/experts", ctx -> {
            var least = Forms.choice(Level.class, ctx.queryParam("level"));
            View.render(ctx, new DirectoryPage(experts.directory(least), least, experts.booker(Current.viewer(ctx))));
        }, Role.ANYONE);
        routes.get("/expert", ctx -> mine(ctx, null, Errors.none()), Role.MEMBER);
        routes.post("/expert", this::setRate, Role.MEMBER);
        routes.get("/members/{id}/book", ctx -> View.render(ctx, new BookPage(experts.bookable(Current.viewer(ctx), Forms.pathId(ctx, "id")),
                ExpertService.BookingForm.empty(), Errors.none())), Role.MEMBER);
        routes.post("/members/{id}/book", this::book, Role.MEMBER);
        routes.get("/sessions/{id}", ctx -> session(ctx, "", "", Errors.none()), Role.MEMBER);
        routes.post("/sessions/{id}/start", ctx -> act(ctx, () -> experts.start(Current.viewer(ctx), Forms.pathId(ctx, "id"))), Role.MEMBER);
        routes.post("/sessions/{id}/cancel", ctx -> act(ctx, () -> experts.cancel(Current.viewer(ctx), Forms.pathId(ctx, "id"))), Role.MEMBER);
        routes.post("/sessions/{id}/end", ctx -> act(ctx, () -> experts.end(Current.viewer(ctx), Forms.pathId(ctx, "id"))), Role.MEMBER);
        routes.post("/sessions/{id}/confirm", ctx -> act(ctx, () -> experts.confirm(Current.viewer(ctx), Forms.pathId(ctx, "id"))), Role.MEMBER);
        routes.post("/sessions/{id}/dispute", ctx -> act(ctx, () -> experts.dispute(Current.viewer(ctx), Forms.pathId(ctx, "id"), Forms.multiline(ctx, "reason"))), Role.MEMBER);
        routes.post("/sessions/{id}/settle", ctx -> act(ctx, () -> experts.settle(Current.viewer(ctx), Forms.pathId(ctx, "id"), Forms.text(ctx, "refund"),
                Current.text(ctx).locale())), Role.ADMIN);
        routes.get("/admin/sessions", ctx -> View.render(ctx, new DisputesPage(experts.disputed(Current.viewer(ctx)))), Role.ADMIN);
    }

    private void mine(Context ctx, ExpertService.RateForm form, Errors errors) {
        var viewer = Current.viewer(ctx);
        var text = Current.text(ctx);
        var shown = form != null ? form : ExpertService.RateForm.of(experts.rate(viewer), cents -> text.amount(cents, ExpertService.CURRENCY));
        var page = new ExpertPage(shown, errors, ctx.queryParam("saved") != null, experts.sessions(viewer));
        if (errors.any()) View.invalid(ctx, page);
        else View.render(ctx, page);
    }

    private void setRate(Context ctx) {
        var form = new ExpertService.RateForm(Forms.text(ctx, "perMinute"), Forms.text(ctx, "freeMinutes"), ctx.formParam("open") != null);
        try {
            experts.setRate(Current.viewer(ctx), form, Current.text(ctx).locale());
            ctx.redirect("/expert?saved");
        } catch (Invalid e) {
            mine(ctx, form, e.errors());
        }
    }

    private void book(Context ctx) {
        long expertId = Forms.pathId(ctx, "id");
        var form = new ExpertService.BookingForm(Forms.text(ctx, "organisationId"), Forms.text(ctx, "day"), Forms.text(ctx, "time"),
                Forms.text(ctx, "minutes"), Forms.multiline(ctx, "topic"), Forms.text(ctx, "bookingKey"));
        try {
            ctx.redirect(Paths.session(experts.book(Current.viewer(ctx), expertId, form, zone)));
        } catch (Invalid e) {
            View.invalid(ctx, new BookPage(experts.bookable(Current.viewer(ctx), expertId), form, e.errors()));
        }
    }

    private void session(Context ctx, String reason, String refund, Errors errors) {
        var page = new SessionPage(experts.seen(Current.viewer(ctx), Forms.pathId(ctx, "id")), reason, refund, errors);
        if (errors.any()) View.invalid(ctx, page);
        else View.render(ctx, page);
    }

    /** Does the step and shows the session again; a refused form is shown with what was typed. */
    private void act(Context ctx, Runnable step) {
        try {
            step.run();
            ctx.redirect(Paths.session(Forms.pathId(ctx, "id")));
        } catch (Invalid e) {
            session(ctx, Forms.multiline(ctx, "reason"), Forms.text(ctx, "refund"), e.errors());
        }
    }
}
