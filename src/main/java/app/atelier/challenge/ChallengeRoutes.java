package app.atelier.challenge;

import app.atelier.web.Current;
import app.atelier.web.Cursor;
import app.atelier.web.Errors;
import app.atelier.web.Forms;
import app.atelier.web.HttpProblem;
import app.atelier.web.Invalid;
import app.atelier.web.Page;
import app.atelier.web.Paths;
import app.atelier.web.Role;
import app.atelier.web.Slice;
import app.atelier.web.View;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.Arrays;

/** The home page, and challenges from their creation to their close. */
public final class ChallengeRoutes {

    public record HomePage(Slice<Challenge> challenges) implements Page {
        @Override
        public String template() {
            return "home/index.jte";
        }
    }

    /** Every challenge a visitor can see, narrowed by stage, state, mode or organisation. */
    public record BrowsePage(ChallengeService.Browse browse) implements Page {
        @Override
        public String template() {
            return "challenge/browse.jte";
        }
    }

    /** The form for a new challenge (challengeId null) or an existing one. */
    public record FormPage(long organisationId, Long challengeId, ChallengeForm form, Errors errors) implements Page {
        @Override
        public String template() {
            return "challenge/form.jte";
        }
    }

    private final ChallengeService challenges;

    public ChallengeRoutes(ChallengeService challenges) {
        this.challenges = challenges;
    }

    public void register(RoutesConfig routes) {
        routes.get("/", ctx -> View.render(ctx, new HomePage(challenges.openChallenges(Cursor.parse(ctx.queryParam("after"))))), Role.ANYONE);
        routes.get("/challenges", ctx -> View.render(ctx, new BrowsePage(challenges.browse(ChallengeFilter.from(ctx),
                Cursor.parse(ctx.queryParam("after"))))), Role.ANYONE);
        routes.get("/organisations/{id}/challenges/new", this::createForm, Role.MEMBER);
        routes.post("/organisations/{id}/challenges", this::create, Role.MEMBER);
        routes.get("/challenges/{id}/edit", this::editForm, Role.MEMBER);
        routes.post("/challenges/{id}", this::edit, Role.MEMBER);
        routes.post("/challenges/{id}/state", this::move, Role.MEMBER);
        routes.post("/challenges/{id}/team", ctx -> {
            long id = Forms.pathId(ctx, "id");
            Long memberId = Forms.optionalId(ctx.formParam("memberId"));
            if (memberId == null) throw new HttpProblem.NotFound();
            challenges.addToTeam(Current.viewer(ctx), id, memberId, ctx.formParam("lead") != null);
            ctx.redirect(Paths.challenge(id) + "#team");
        }, Role.MEMBER);
        routes.post("/challenges/{id}/team/{memberId}/remove", ctx -> {
            long id = Forms.pathId(ctx, "id");
            challenges.removeFromTeam(Current.viewer(ctx), id, Forms.pathId(ctx, "memberId"));
            ctx.redirect(Paths.challenge(id) + "#team");
        }, Role.MEMBER);
        routes.post("/challenges/{id}/notes", ctx -> {
            long id = Forms.pathId(ctx, "id");
            challenges.writeNotes(Current.viewer(ctx), id, Forms.multiline(ctx, "notes"));
            ctx.redirect(Paths.challenge(id) + "#notes");
        }, Role.MEMBER);
    }

    private void createForm(Context ctx) {
        long organisationId = Forms.pathId(ctx, "id");
        challenges.requireManager(Current.viewer(ctx), organisationId);
        View.render(ctx, new FormPage(organisationId, null, ChallengeForm.empty(), Errors.none()));
    }

    private void create(Context ctx) {
        long organisationId = Forms.pathId(ctx, "id");
        var form = ChallengeForm.from(ctx);
        try {
            ctx.redirect(Paths.challenge(challenges.create(Current.viewer(ctx), organisationId, form)));
        } catch (Invalid e) {
            View.invalid(ctx, new FormPage(organisationId, null, form, e.errors()));
        }
    }

    private void editForm(Context ctx) {
        var c = challenges.managed(Current.viewer(ctx), Forms.pathId(ctx, "id"));
        View.render(ctx, new FormPage(c.organisationId(), c.id(), ChallengeForm.of(c, Current.text(ctx).zone()), Errors.none()));
    }

    private void edit(Context ctx) {
        long id = Forms.pathId(ctx, "id");
        var form = ChallengeForm.from(ctx);
        try {
            challenges.update(Current.viewer(ctx), id, form);
            ctx.redirect(Paths.challenge(id));
        } catch (Invalid e) {
            long organisationId = challenges.managed(Current.viewer(ctx), id).organisationId();
            View.invalid(ctx, new FormPage(organisationId, id, form, e.errors()));
        }
    }

    private void move(Context ctx) {
        long id = Forms.pathId(ctx, "id");
        var to = Arrays.stream(ChallengeState.values()).filter(s -> s.name().equals(ctx.formParam("to"))).findFirst()
                .orElseThrow(() -> new HttpProblem.Conflict("error.challengeState"));
        challenges.move(Current.viewer(ctx), id, to);
        ctx.redirect(Paths.challenge(id));
    }
}
