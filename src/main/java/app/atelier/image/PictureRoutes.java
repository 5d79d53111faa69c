package app.atelier.image;

import app.atelier.web.Current;
import app.atelier.web.HttpProblem;
import app.atelier.web.Role;
import app.atelier.web.Viewer;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.io.IOException;
import java.nio.file.Files;

/**
 * Logos, covers and the pictures of technology sheets, whole or small. Their names are random and never change, so
 * those for everyone are cached for good by anyone; those of a private challenge only by the browser of whoever may
 * see them, which the audience says, as it refuses them to anyone else.
 */
public final class PictureRoutes {
    /** Whether a picture is for everyone; refuses it (as its challenge is refused) to a viewer who may not see it. */
    public interface Audience {
        boolean forEveryone(Viewer viewer, String picture);
    }

    private final Pictures pictures;
    private final Audience audience;

    public PictureRoutes(Pictures pictures, Audience audience) {
        this.pictures = pictures;
        this.audience = audience;
    }

    public void register(RoutesConfig routes) {
        routes.get("/pictures/{name}", ctx -> send(ctx, false), Role.ANYONE);
        routes.get("/pictures/{name}/small", ctx -> send(ctx, true), Role.ANYONE);
    }

    private void send(Context ctx, boolean small) throws IOException {
        String name = ctx.pathParam("name");
        var file = pictures.file(name, small).filter(Files::isRegularFile).orElseThrow(HttpProblem.NotFound::new);
        boolean forEveryone = audience.forEveryone(Current.viewer(ctx), name);
        ctx.contentType(small ? "image/jpeg" : Pictures.mediaType(name));
        ctx.header("Content-Security-Policy", "default-src 'none'; sandbox");
        ctx.header("Cache-Control", forEveryone ? "public, max-age=31536000, immutable" : "private, max-age=86400");
        ctx.result(Files.newInputStream(file));
    }
}
