package app.atelier;


import app.atelier.support.CheckedIn;
import app.atelier.support.OnceOnSqlite;
import app.atelier.support.Site;
import app.atelier.web.Role;
import io.javalin.Javalin;
import io.javalin.http.HandlerType;
import io.javalin.security.Roles;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One route table. The app's routes, each with its method, path, role and the class whose handler answers it, are
 * listed in {@code src/test/resources/routes.txt}: a route added, removed or given another role shows in review as a
 * change to that file. {@link VisitorPermissionsTest} walks the same table, so a new route is in it by construction.
 */
@OnceOnSqlite
public class RouteTableTest {
    @TempDir
    Path dir;

    public record Route(String method, String path, Role role, String handler) {
        String line() {
            return String.format("%-6s %-58s %-9s %s", method, path, role, handler);
        }

        /** The path with an id in place of each parameter: the role is checked before any id is read. */
        String example() {
            return path.replaceAll("\\{[^}]+}", "1");
        }
    }

    @Test
    void theRoutesAreTheListingCheckedIn() throws IOException {
        Site.run(dir, site -> {
            String listing = routes(site.app).stream().map(Route::line).collect(Collectors.joining("\n", "", "\n"));
            CheckedIn.assertListing("routes.txt", listing, "The app's routes");
        });
    }

    /** The routes as Javalin holds them: no filters, and no HEAD, which is answered like GET. */
    public static List<Route> routes(Javalin app) {
        return app.unsafe.internalRouter.allHttpHandlers().stream()
                .map(parsed -> parsed.endpoint)
                .filter(endpoint -> endpoint.method.isHttpMethod() && !endpoint.method.equals(HandlerType.HEAD))
                .map(endpoint -> new Route(endpoint.method.name(), endpoint.path, role(endpoint.metadata(Roles.class)), owner(endpoint.handler)))
                .sorted(Comparator.comparing(Route::path).thenComparing(Route::method))
                .toList();
    }

    /** The route's one role; none, which {@link Role#check} refuses to everyone, is listed as null. */
    private static Role role(Roles roles) {
        if (roles == null || roles.getRoles().isEmpty()) return null;
        if (roles.getRoles().size() > 1) throw new AssertionError("a route declares one role: " + roles);
        return (Role) roles.getRoles().iterator().next();
    }

    /** The class a handler was written in, by its package under app.atelier: a lambda's class is named after it. */
    private static String owner(Object handler) {
        String name = handler.getClass().getName();
        int lambda = name.indexOf("$$Lambda");
        return (lambda < 0 ? name : name.substring(0, lambda)).replace("app.atelier.", "");
    }
}
