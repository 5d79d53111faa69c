package app.atelier.feed;

import app.atelier.web.Forms;
import app.atelier.web.Role;
import io.javalin.config.RoutesConfig;

/** The Atom feeds, for anyone's feed reader. */
public final class FeedRoutes {
    static final String TYPE = "application/atom+xml; charset=utf-8";

    private final FeedService feeds;

    public FeedRoutes(FeedService feeds) {
        this.feeds = feeds;
    }

    public void register(RoutesConfig routes) {
        routes.get("/organisations/{id}/feed.atom", ctx -> ctx.contentType(TYPE).result(feeds.organisation(Forms.pathId(ctx, "id"))), Role.ANYONE);
        routes.get("/challenges/{id}/feed.atom", ctx -> ctx.contentType(TYPE).result(feeds.challenge(Forms.pathId(ctx, "id"))), Role.ANYONE);
    }
}
