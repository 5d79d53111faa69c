package app.atelier.webhook;

import app.atelier.notification.WebhookEvent;
import app.atelier.web.Current;
import app.atelier.web.Errors;
import app.atelier.web.Forms;
import app.atelier.web.HttpProblem;
import app.atelier.web.Invalid;
import app.atelier.web.Notice;
import app.atelier.web.Page;
import app.atelier.web.Role;
import app.atelier.web.View;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.function.Consumer;

/** An organisation's endpoints, on pages for its owners and managers. */
public final class WebhookRoutes {
    public record ListPage(long organisationId, List<WebhookEndpoint> endpoints, WebhookService.Form form, Errors errors) implements Page {
        @Override
        public String template() {
            return "webhook/list.jte";
        }
    }

    public record EndpointPage(long organisationId, WebhookService.Seen seen) implements Page {
        @Override
        public String template() {
            return "webhook/endpoint.jte";
        }
    }

    private final WebhookService webhooks;

    public WebhookRoutes(WebhookService webhooks) {
        this.webhooks = webhooks;
    }

    public static String path(long organisationId, long endpointId) {
        return "/organisations/" + organisationId + "/webhooks/" + endpointId;
    }

    public void register(RoutesConfig routes) {
        routes.get("/organisations/{id}/webhooks", ctx -> list(ctx, new WebhookService.Form("", "SIGNED", EnumSet.noneOf(WebhookEvent.class)), Errors.none()),
                Role.MANAGER);
        routes.post("/organisations/{id}/webhooks", this::create, Role.MANAGER);
        routes.get("/organisations/{id}/webhooks/{endpoint}", ctx -> View.render(ctx, new EndpointPage(id(ctx),
                webhooks.endpoint(Current.viewer(ctx), id(ctx), endpoint(ctx)))), Role.MANAGER);
        action(routes, "test", "webhook.tested", id -> webhooks.test(id.viewer(), id.organisation(), id.endpoint()));
        action(routes, "rotate", "webhook.rotated", id -> webhooks.rotate(id.viewer(), id.organisation(), id.endpoint()));
        action(routes, "on", "webhook.switchedOn", id -> webhooks.switchOn(id.viewer(), id.organisation(), id.endpoint()));
        routes.post("/organisations/{id}/webhooks/{endpoint}/delete", ctx -> {
            webhooks.delete(Current.viewer(ctx), id(ctx), endpoint(ctx));
            Notice.done(ctx, "webhook.deleted");
            ctx.redirect("/organisations/" + id(ctx) + "/webhooks");
        }, Role.MANAGER);
    }

    private record Target(app.atelier.web.Viewer viewer, long organisation, long endpoint) {
    }

    /** A button on the endpoint's page: done, said, and back to the page. */
    private void action(RoutesConfig routes, String name, String done, Consumer<Target> work) {
        routes.post("/organisations/{id}/webhooks/{endpoint}/" + name, ctx -> {
            work.accept(new Target(Current.viewer(ctx), id(ctx), endpoint(ctx)));
            Notice.done(ctx, done);
            ctx.redirect(path(id(ctx), endpoint(ctx)));
        }, Role.MANAGER);
    }

    private void list(Context ctx, WebhookService.Form form, Errors errors) {
        var page = new ListPage(id(ctx), webhooks.endpoints(Current.viewer(ctx), id(ctx)), form, errors);
        if (errors.any()) View.invalid(ctx, page);
        else View.render(ctx, page);
    }

    private void create(Context ctx) {
        var form = new WebhookService.Form(Forms.text(ctx, "url"), Forms.text(ctx, "kind"), events(ctx.formParams("events")));
        try {
            long endpoint = webhooks.create(Current.viewer(ctx), id(ctx), form, Current.text(ctx).locale());
            Notice.done(ctx, "webhook.created");
            ctx.redirect(path(id(ctx), endpoint));
        } catch (Invalid e) {
            list(ctx, form, e.errors());
        }
    }

    /** The events ticked; one no form offers is a bad request. */
    private static EnumSet<WebhookEvent> events(List<String> types) {
        var events = EnumSet.noneOf(WebhookEvent.class);
        for (String type : types) {
            events.add(Arrays.stream(WebhookEvent.values()).filter(e -> e.type.equals(type) && WebhookEndpoint.CHOSEN.contains(e)).findFirst()
                    .orElseThrow(HttpProblem.BadRequest::new));
        }
        return events;
    }

    private static long id(Context ctx) {
        return Forms.pathId(ctx, "id");
    }

    private static long endpoint(Context ctx) {
        return Forms.pathId(ctx, "endpoint");
    }
}
