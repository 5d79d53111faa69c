package app.atelier.notification;

import app.atelier.web.Current;
import app.atelier.web.Forms;
import app.atelier.web.Page;
import app.atelier.web.Paged;
import app.atelier.web.Role;
import app.atelier.web.View;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

public final class NotificationRoutes {

    public record NotificationsPage(Paged<Notification> notifications) implements Page {
        @Override
        public String template() {
            return "notification/list.jte";
        }

        /** The notifications about one challenge, or about none ({@code challengeTitle} null). */
        public record Group(String challengeTitle, List<Notification> items) {
            public long unread() {
                return items.stream().filter(Notification::unread).count();
            }
        }

        /** The page's notifications grouped by challenge, each group where its newest one falls. */
        public List<Group> groups() {
            var byChallenge = new LinkedHashMap<Long, List<Notification>>();
            for (var n : notifications.items()) byChallenge.computeIfAbsent(n.challengeId() == null ? 0L : n.challengeId(), id -> new ArrayList<>()).add(n);
            return byChallenge.values().stream().map(items -> new Group(items.get(0).challengeTitle(), items)).toList();
        }
    }

    public record PreferencesPage(Map<NotificationKind, Delivery> deliveries, boolean saved) implements Page {
        @Override
        public String template() {
            return "notification/preferences.jte";
        }
    }

    public record OutboxPage(List<OutboxEmail> emails) implements Page {
        @Override
        public String template() {
            return "notification/outbox.jte";
        }
    }

    private final NotificationService notifications;

    public NotificationRoutes(NotificationService notifications) {
        this.notifications = notifications;
    }

    public void register(RoutesConfig routes) {
        routes.get("/notifications", ctx -> View.render(ctx, new NotificationsPage(notifications.page(Current.viewer(ctx), Forms.page(ctx)))), Role.MEMBER);
        routes.get("/notifications/{id}", ctx -> ctx.redirect(Forms.localPath(notifications.open(Current.viewer(ctx), Forms.pathId(ctx, "id")))), Role.MEMBER);
        routes.post("/notifications/read", ctx -> {
            notifications.markAllRead(Current.viewer(ctx));
            ctx.redirect("/notifications");
        }, Role.MEMBER);
        routes.get("/account/notifications", ctx -> View.render(ctx, new PreferencesPage(notifications.deliveries(Current.viewer(ctx)), ctx.queryParam("saved") != null)), Role.MEMBER);
        routes.post("/account/notifications", this::choose, Role.MEMBER);
        routes.get("/admin/outbox", ctx -> View.render(ctx, new OutboxPage(notifications.outbox(Current.viewer(ctx)))), Role.ADMIN);
    }

    /** Unknown or missing choices leave that kind as it was. */
    private void choose(Context ctx) {
        var choices = new EnumMap<NotificationKind, Delivery>(NotificationKind.class);
        for (var kind : NotificationKind.values()) {
            String value = ctx.formParam(kind.name());
            for (var delivery : Delivery.values()) if (delivery.name().equals(value)) choices.put(kind, delivery);
        }
        notifications.choose(Current.viewer(ctx), choices);
        ctx.redirect("/account/notifications?saved");
    }
}
