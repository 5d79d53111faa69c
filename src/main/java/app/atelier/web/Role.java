package app.atelier.web;

import io.javalin.http.Context;
import io.javalin.security.RouteRole;

/**
 * Who may call a route, declared on the route itself. Roles held in an organisation are checked here too, for the
 * organisation the path's {@code id} names, itself or through its challenge; finer rules (eligibility, a challenge's state, who wrote what) are the
 * services' and their access records'. The order of the constants is the order of what they allow.
 */
public enum Role implements RouteRole {
    /** Visitors and members alike. */
    ANYONE,
    /** A signed-in member; a visitor is sent to sign in and brought back. */
    MEMBER,
    /** Any of the staff of the organisation the path names, or a platform admin: its moderation, community, audit log and dashboard. */
    MODERATOR,
    /** An owner or a manager of that organisation, or a platform admin: its challenges and its money. */
    MANAGER,
    /** An owner of that organisation, or a platform admin: its profile and its staff. */
    OWNER,
    /** A platform admin: a member whose verified address the configuration names. */
    ADMIN;

    /** Styles, scripts and images, served to everyone. */
    public static final String STATIC = "/static/";

    /**
     * The highest role a member holds (MEMBER for none) in the organisation a path names: by its id under
     * {@code /organisations/}, through the challenge under {@code /challenges/}; told by the features that keep them.
     */
    public interface Standing {
        Role in(Viewer viewer, String path, long id);
    }

    /**
     * The one access check, before every matched route and static file; a route that declares no role is refused.
     */
    public static void check(Context ctx, Standing standing) {
        var roles = ctx.routeRoles();
        var viewer = Current.viewer(ctx);
        if (roles.contains(ANYONE) || (roles.isEmpty() && ctx.path().startsWith(STATIC))) return;
        if (roles.isEmpty()) throw new HttpProblem.Forbidden();
        if (!viewer.signedIn()) throw new HttpProblem.SignInRequired();
        if (roles.contains(MEMBER)) return;
        if (roles.contains(ADMIN)) {
            if (viewer.admin()) return;
            throw new HttpProblem.Forbidden();
        }
        var needed = (Role) roles.iterator().next();
        if (standing.in(viewer, ctx.path(), Forms.pathId(ctx, "id")).compareTo(needed) < 0) throw new HttpProblem.Forbidden();
    }
}
