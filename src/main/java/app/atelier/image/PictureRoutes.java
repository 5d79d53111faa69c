package app.atelier.image;

import app.atelier.web.HttpProblem;
import app.atelier.web.Role;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.io.IOException;
import java.nio.file.Files;

/** Logos and covers, whole or small, for anyone: their names are random and never change, so they are cached for good. */
public final class PictureRoutes {
    private final Pictures pictures;

    public PictureRoutes(Pictures pictures) {
        this.pictures = pictures;
    }

    public void register(RoutesConfig routes) {
        routes.get("/pictures/{name}", ctx -> send(ctx, false), Role.ANYONE);
        routes.get("/pictures/{name}/small", ctx -> send(ctx, true), Role.ANYONE);
    }

    private void send(Context ctx, boolean small) throws IOException {
        String name = ctx.pathParam("name");
        var file = pictures.file(name, small).filter(Files::isRegularFile).orElseThrow(HttpProblem.NotFound::new);
        ctx.contentType(small ? "image/jpeg" : Pictures.mediaType(name));
        ctx.header("Content-Security-Policy", "default-src 'none'; sandbox");
        ctx.header("Cache-Control", "public, max-age=31536000, immutable");
        ctx.result(Files.newInputStream(file));
    }
}
