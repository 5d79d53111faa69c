package app.atelier.reward.market;

import app.atelier.reward.plan.ReflectionForm;
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

/** Paid tasks: posted by managers, applied for by contributors, given to one of them. */
public final class TaskRoutes {

    public record NewTaskPage(TaskService.Posting posting, TaskService.TaskForm form, Errors errors) implements Page {
        @Override
        public String template() {
            return "reward/task-new.jte";
        }
    }

    public record TaskPage(TaskService.Seen seen, String pitch, Errors errors) implements Page {
        @Override
        public String template() {
            return "reward/task.jte";
        }
    }

    private final TaskService tasks;

    public TaskRoutes(TaskService tasks) {
        this.tasks = tasks;
    }

    public void register(RoutesConfig routes) {
        routes.get("/challenges/{id}/tasks/new", ctx -> View.render(ctx, new NewTaskPage(tasks.postable(Current.viewer(ctx), Forms.pathId(ctx, "id")), TaskService.TaskForm.empty(), Errors.none())), Role.MANAGER);
        routes.post("/challenges/{id}/tasks", this::post, Role.MANAGER);
        routes.get("/tasks/{id}", ctx -> render(ctx, "", Errors.none()), Role.ANYONE);
        routes.post("/tasks/{id}/apply", this::apply, Role.MEMBER);
        routes.post("/tasks/{id}/pick/{memberId}", ctx -> ctx.redirect(Paths.offer(tasks.pick(Current.viewer(ctx), Forms.pathId(ctx, "id"),
                Forms.pathId(ctx, "memberId")))), Role.MEMBER);
    }

    private void post(Context ctx) {
        long challengeId = Forms.pathId(ctx, "id");
        var form = new TaskService.TaskForm(Forms.text(ctx, "title"), Forms.multiline(ctx, "brief"), Forms.text(ctx, "price"), ReflectionForm.from(ctx));
        try {
            ctx.redirect(Paths.task(tasks.post(Current.viewer(ctx), challengeId, form, Current.text(ctx).locale())));
        } catch (Invalid e) {
            View.invalid(ctx, new NewTaskPage(tasks.postable(Current.viewer(ctx), challengeId), form, e.errors()));
        }
    }

    private void apply(Context ctx) {
        String pitch = Forms.multiline(ctx, "pitch");
        try {
            tasks.apply(Current.viewer(ctx), Forms.pathId(ctx, "id"), pitch);
            ctx.redirect(Paths.task(Forms.pathId(ctx, "id")));
        } catch (Invalid e) {
            ctx.status(422);
            render(ctx, pitch, e.errors());
        }
    }

    private void render(Context ctx, String pitch, Errors errors) {
        View.render(ctx, new TaskPage(tasks.seen(Current.viewer(ctx), Forms.pathId(ctx, "id")), pitch, errors));
    }
}
