package app.atelier.account;

import app.atelier.web.Current;
import app.atelier.web.Errors;
import app.atelier.web.Forms;
import app.atelier.web.Invalid;
import app.atelier.web.Notice;
import app.atelier.web.Page;
import app.atelier.web.Role;
import app.atelier.web.View;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.List;

/** A member's API tokens: made with a name and a scope, the secret shown once on the page that follows, revoked. */
public final class ApiTokenRoutes {
    /** @param secret the secret of the token just made, shown this once; null otherwise */
    public record TokensPage(List<ApiToken> tokens, String name, String scope, String secret, Errors errors) implements Page {
        @Override
        public String template() {
            return "account/tokens.jte";
        }
    }

    private final ApiTokenService tokens;

    public ApiTokenRoutes(ApiTokenService tokens) {
        this.tokens = tokens;
    }

    public void register(RoutesConfig routes) {
        routes.get("/account/tokens", ctx -> View.render(ctx, new TokensPage(tokens.tokens(Current.viewer(ctx)), "", "READ", null, Errors.none())), Role.MEMBER);
        routes.post("/account/tokens", this::create, Role.MEMBER);
        routes.post("/account/tokens/{id}/revoke", ctx -> {
            tokens.revoke(Current.viewer(ctx), Forms.pathId(ctx, "id"));
            Notice.done(ctx, "token.revoked");
            ctx.redirect("/account/tokens");
        }, Role.MEMBER);
    }

    /** The secret is shown on the answer to the form itself, never in an address or a notice that could be replayed. */
    private void create(Context ctx) {
        var viewer = Current.viewer(ctx);
        String name = Forms.text(ctx, "name");
        String scope = Forms.text(ctx, "scope");
        try {
            String secret = tokens.create(viewer, name, Forms.choice(ApiToken.Scope.class, scope));
            ctx.header("Cache-Control", "no-store");
            View.render(ctx, new TokensPage(tokens.tokens(viewer), "", "READ", secret, Errors.none()));
        } catch (Invalid e) {
            View.invalid(ctx, new TokensPage(tokens.tokens(viewer), name, scope, null, e.errors()));
        }
    }
}
