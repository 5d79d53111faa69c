package app.atelier.challenge;

import app.atelier.image.Pictures;
import app.atelier.web.Current;
import app.atelier.web.Cursor;
import app.atelier.web.Errors;
import app.atelier.web.Forms;
import app.atelier.web.HttpProblem;
import app.atelier.web.Invalid;
import app.atelier.web.Notice;
import app.atelier.web.Page;
import app.atelier.web.Paths;
import app.atelier.web.Role;
import app.atelier.web.Slice;
import app.atelier.web.View;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.Arrays;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;

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

    /** The form for a new challenge (challengeId null) or an existing one; {@code cover} is the current cover's name, or null for none. */
    public record FormPage(long organisationId, Long challengeId, ChallengeForm form, Errors errors, String cover) implements Page {
        @Override
        public String template() {
            return "challenge/form.jte";
        }
    }

    /** The decision's form: what the challenge decided, written for the community, shown again when refused. */
    public record DecisionPage(Challenge challenge, String outcome, Errors errors) implements Page {
        @Override
        public String template() {
            return "challenge/decide.jte";
        }
    }

    private final ChallengeService challenges;
    private final Pictures pictures;

    public ChallengeRoutes(ChallengeService challenges, Pictures pictures) {
        this.challenges = challenges;
        this.pictures = pictures;
    }

    public void register(RoutesConfig routes) {
        routes.get("/", ctx -> View.render(ctx, new HomePage(challenges.openChallenges(Cursor.parse(ctx.queryParam("after"))))), Role.ANYONE);
        routes.get("/challenges", ctx -> View.render(ctx, new BrowsePage(challenges.browse(ChallengeFilter.from(ctx),
                Cursor.parse(ctx.queryParam("after"))))), Role.ANYONE);
        routes.get("/organisations/{id}/challenges/new", this::createForm, Role.MANAGER);
        routes.post("/organisations/{id}/challenges", this::create, Role.MANAGER);
        routes.get("/challenges/{id}/edit", this::editForm, Role.MANAGER);
        routes.post("/challenges/{id}", this::edit, Role.MANAGER);
        routes.post("/challenges/{id}/state", this::move, Role.MANAGER);
        routes.get("/challenges/{id}/decision", ctx -> View.render(ctx, new DecisionPage(challenges.managed(Current.viewer(ctx), Forms.pathId(ctx, "id")), "",
                Errors.none())), Role.MANAGER);
        routes.post("/challenges/{id}/decision", this::decide, Role.MANAGER);
        routes.post("/challenges/{id}/team", ctx -> {
            long id = Forms.pathId(ctx, "id");
            Long memberId = Forms.optionalId(ctx.formParam("memberId"));
            if (memberId == null) throw new HttpProblem.NotFound();
            challenges.addToTeam(Current.viewer(ctx), id, memberId, ctx.formParam("lead") != null);
            ctx.redirect(Paths.challenge(id) + "#team");
        }, Role.MANAGER);
        routes.post("/challenges/{id}/team/{memberId}/remove", ctx -> {
            long id = Forms.pathId(ctx, "id");
            challenges.removeFromTeam(Current.viewer(ctx), id, Forms.pathId(ctx, "memberId"));
            ctx.redirect(Paths.challenge(id) + "#team");
        }, Role.MANAGER);
        routes.post("/challenges/{id}/notes", ctx -> {
            long id = Forms.pathId(ctx, "id");
            challenges.writeNotes(Current.viewer(ctx), id, Forms.multiline(ctx, "notes"));
            ctx.redirect(Paths.challenge(id) + "#notes");
        }, Role.MANAGER);
    }

    private void createForm(Context ctx) {
        long organisationId = Forms.pathId(ctx, "id");
        challenges.requireManager(Current.viewer(ctx), organisationId);
        View.render(ctx, new FormPage(organisationId, null, ChallengeForm.empty(), Errors.none(), null));
    }

    private void create(Context ctx) {
        long organisationId = Forms.pathId(ctx, "id");
        var form = ChallengeForm.from(ctx);
        var viewer = Current.viewer(ctx);
        challenges.requireManager(viewer, organisationId);
        var created = new AtomicLong();
        try {
            pictures.replace(Pictures.Choice.from(ctx), cover -> {
                created.set(challenges.create(viewer, organisationId, form, cover));
                return null;
            });
            ctx.redirect(Paths.challenge(created.get()));
        } catch (Invalid e) {
            View.invalid(ctx, new FormPage(organisationId, null, form, e.errors(), null));
        }
    }

    private void editForm(Context ctx) {
        var c = challenges.managed(Current.viewer(ctx), Forms.pathId(ctx, "id"));
        View.render(ctx, new FormPage(c.organisationId(), c.id(), ChallengeForm.of(c, Current.text(ctx).zone()), Errors.none(), c.cover()));
    }

    private void edit(Context ctx) {
        long id = Forms.pathId(ctx, "id");
        var form = ChallengeForm.from(ctx);
        var viewer = Current.viewer(ctx);
        var challenge = challenges.managed(viewer, id);
        try {
            pictures.replace(Pictures.Choice.from(ctx), cover -> challenges.update(viewer, id, form, cover));
            ctx.redirect(Paths.challenge(id));
        } catch (Invalid e) {
            View.invalid(ctx, new FormPage(challenge.organisationId(), id, form, e.errors(), challenge.cover()));
        }
    }

    private void move(Context ctx) {
        long id = Forms.pathId(ctx, "id");
        var to = Arrays.stream(ChallengeState.values()).filter(s -> s.name().equals(ctx.formParam("to"))).findFirst()
                .orElseThrow(() -> new HttpProblem.Conflict("error.challengeState"));
        if (to == ChallengeState.DECIDED) {
            decide(ctx);
            return;
        }
        challenges.move(Current.viewer(ctx), id, to);
        Notice.done(ctx, "notice.moved." + to.name().toLowerCase(Locale.ROOT));
        ctx.redirect(Paths.challenge(id));
    }

    /** A decision says what was decided: without its outcome, the form comes back asking for it. */
    private void decide(Context ctx) {
        long id = Forms.pathId(ctx, "id");
        String outcome = Forms.multiline(ctx, "outcome");
        try {
            challenges.decide(Current.viewer(ctx), id, outcome);
            Notice.done(ctx, "notice.moved.decided");
            ctx.redirect(Paths.challenge(id) + "#outcome");
        } catch (Invalid e) {
            View.invalid(ctx, new DecisionPage(challenges.managed(Current.viewer(ctx), id), outcome, e.errors()));
        }
    }
}
