package app.atelier.web;

import io.javalin.http.Context;
import io.javalin.security.RouteRole;

/**
 * Who may call a route, declared on the route itself. Finer rules (organisation roles, eligibility, a challenge's
 * state) are the services' and their access records'.
 */
public enum Role implements RouteRole {
    /** Visitors and members alike. */
    ANYONE,
    /** A signed-in member; a visitor is sent to sign in and brought back. */
    MEMBER,
    /** A platform admin: a member whose verified address the configuration names. */
    ADMIN;

    /** Styles, scripts and images, served to everyone. */
    public static final String STATIC = "/static/";

    /**
     * The one access check, before every matched route and static file; a route that declares no role is refused.
     */
    public static void check(Context ctx) {
        var roles = ctx.routeRoles();
        var viewer = Current.viewer(ctx);
        if (roles.contains(ANYONE) || (roles.isEmpty() && ctx.path().startsWith(STATIC))) return;
        if (roles.isEmpty()) throw new HttpProblem.Forbidden();
        if (!viewer.signedIn()) throw new HttpProblem.SignInRequired();
        if (roles.contains(MEMBER)) return;
        if (!(roles.contains(ADMIN) && viewer.admin())) throw new HttpProblem.Forbidden();
    }
}
