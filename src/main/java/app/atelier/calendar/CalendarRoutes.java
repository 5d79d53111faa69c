package app.atelier.calendar;

import app.atelier.web.Current;
import app.atelier.web.Notice;
import app.atelier.web.Page;
import app.atelier.web.Role;
import app.atelier.web.View;
import io.javalin.config.RoutesConfig;
import java.time.Instant;
import java.util.Optional;

/** A member's calendar feed: made, shown once, made again or revoked on their account; read by calendars at its secret address. */
public final class CalendarRoutes {
    static final String FEED = "/calendar/";

    /** @param address the feed's address just made, shown this once; null otherwise */
    public record FeedPage(Optional<Instant> madeAt, String address) implements Page {
        @Override
        public String template() {
            return "calendar/feed.jte";
        }
    }

    private final CalendarService calendars;

    public CalendarRoutes(CalendarService calendars) {
        this.calendars = calendars;
    }

    public void register(RoutesConfig routes) {
        routes.get("/account/calendar", ctx -> View.render(ctx, new FeedPage(calendars.madeAt(Current.viewer(ctx)), null)), Role.MEMBER);
        routes.post("/account/calendar", ctx -> {
            String address = calendars.make(Current.viewer(ctx));
            ctx.header("Cache-Control", "no-store");
            View.render(ctx, new FeedPage(calendars.madeAt(Current.viewer(ctx)), address));
        }, Role.MEMBER);
        routes.post("/account/calendar/revoke", ctx -> {
            calendars.revoke(Current.viewer(ctx));
            Notice.done(ctx, "calendar.revoked");
            ctx.redirect("/account/calendar");
        }, Role.MEMBER);
        routes.get(FEED + "{secret}", ctx -> ctx.contentType("text/calendar; charset=utf-8").header("Cache-Control", "private, max-age=300")
                .result(calendars.feed(ctx.pathParam("secret"))), Role.ANYONE);
    }
}
