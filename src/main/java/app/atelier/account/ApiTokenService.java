package app.atelier.account;

import app.atelier.db.Database;
import app.atelier.web.Errors;
import app.atelier.web.HttpProblem;
import app.atelier.web.Invalid;
import app.atelier.web.Tokens;
import app.atelier.web.Viewer;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * The tokens members call the API with. A token acts as the member who made it, under the same rules as their pages;
 * its secret is shown once and kept as a hash, as sessions are.
 */
public final class ApiTokenService {
    /** How stale a token's "last used" may grow before a call writes it again: one write a minute, not one a call. */
    static final Duration USE_RECORDED_EVERY = Duration.ofMinutes(1);

    private final Database db;
    private final Clock clock;
    private final AccountService accounts;

    public ApiTokenService(Database db, Clock clock, AccountService accounts) {
        this.db = db;
        this.clock = clock;
        this.accounts = accounts;
    }

    public List<ApiToken> tokens(Viewer viewer) {
        return db.read(h -> h.attach(ApiTokenDao.class).of(viewer.id()));
    }

    /** Makes a token and returns its secret, which is never shown again. */
    public String create(Viewer viewer, String name, ApiToken.Scope scope) {
        var errors = Errors.none().text("name", name, ApiToken.NAME_MAX);
        if (scope == null) errors.add("scope", "error.choose");
        Invalid.unless(errors);
        String secret = ApiToken.PREFIX + Tokens.random();
        db.execute(h -> {
            var tokens = h.attach(ApiTokenDao.class);
            if (tokens.active(viewer.id()) >= ApiToken.MOST) throw Invalid.of("name", "token.tooMany", ApiToken.MOST);
            tokens.create(viewer.id(), name.strip(), scope, Tokens.hash(secret), clock.instant());
        });
        return secret;
    }

    public void revoke(Viewer viewer, long id) {
        db.execute(h -> {
            if (h.attach(ApiTokenDao.class).revoke(id, viewer.id(), clock.instant()) == 0) throw new HttpProblem.NotFound();
        });
    }

    /** A call's token and who it acts as, with the language they read the platform in. */
    public record Caller(ApiToken token, Viewer viewer, String locale) {
    }

    /** The member a bearer secret acts as, if it names a token not revoked; its use is recorded, at most once a minute. */
    public Optional<Caller> caller(String secret) {
        if (secret == null || !secret.startsWith(ApiToken.PREFIX)) return Optional.empty();
        var token = db.read(h -> h.attach(ApiTokenDao.class).find(Tokens.hash(secret)));
        if (token.isEmpty()) return Optional.empty();
        var now = clock.instant();
        if (token.get().lastUsedAt() == null || token.get().lastUsedAt().plus(USE_RECORDED_EVERY).isBefore(now)) {
            db.execute(h -> h.attach(ApiTokenDao.class).used(token.get().id(), now));
        }
        var member = accounts.member(token.get().memberId());
        return Optional.of(new Caller(token.get(), accounts.viewer(member), member.locale()));
    }
}
