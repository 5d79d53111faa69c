package app.atelier.challenge;

import app.atelier.image.Pictures;
import app.atelier.web.Current;
import app.atelier.web.Errors;
import app.atelier.web.Forms;
import app.atelier.web.Invalid;
import app.atelier.web.Notice;
import app.atelier.web.Page;
import app.atelier.web.Paths;
import app.atelier.web.Role;
import app.atelier.web.View;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;

/** The managers of an inside-out challenge write its technology sheet. */
public final class TechnologyRoutes {

    public record TechnologyPage(TechnologyService.Sheet sheet, TechnologyForm form, Errors errors) implements Page {
        @Override
        public String template() {
            return "challenge/technology.jte";
        }

        public Challenge challenge() {
            return sheet.challenge();
        }

        /** The field that adds a picture, while the sheet has room for one, or to say why one was refused. */
        public boolean asksForPicture() {
            return sheet.pictures().size() < Technology.MAX_PICTURES || errors.has(Pictures.FIELD);
        }
    }

    private final TechnologyService technology;
    private final Pictures pictures;

    public TechnologyRoutes(TechnologyService technology, Pictures pictures) {
        this.technology = technology;
        this.pictures = pictures;
    }

    public void register(RoutesConfig routes) {
        routes.get("/challenges/{id}/technology", ctx -> {
            var sheet = technology.sheet(Current.viewer(ctx), Forms.pathId(ctx, "id"));
            View.render(ctx, new TechnologyPage(sheet, sheet.technology().map(TechnologyForm::of).orElse(TechnologyForm.empty()), Errors.none()));
        }, Role.MANAGER);
        routes.post("/challenges/{id}/technology", this::describe, Role.MANAGER);
    }

    private void describe(Context ctx) {
        long id = Forms.pathId(ctx, "id");
        var viewer = Current.viewer(ctx);
        var form = TechnologyForm.from(ctx);
        var sheet = technology.sheet(viewer, id);
        try {
            pictures.replaceAll(Pictures.Choice.from(ctx), added -> technology.describe(viewer, id, form, added));
            Notice.done(ctx, "technology.saved");
            ctx.redirect(Paths.challenge(id) + "#technology");
        } catch (Invalid e) {
            View.invalid(ctx, new TechnologyPage(sheet, form, e.errors()));
        }
    }
}
