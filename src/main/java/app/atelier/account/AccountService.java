package app.atelier.account;

import app.atelier.Config;
import app.atelier.db.Database;
import app.atelier.web.HttpProblem;
import app.atelier.web.Invalid;
import app.atelier.web.Viewer;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Locale;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/** Members, their passwords and their sessions. */
public final class AccountService {
    static final Duration SESSION_LIFETIME = Duration.ofDays(30);
    static final Duration VISITOR_SESSION_LIFETIME = Duration.ofDays(1);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Database db;
    private final Clock clock;
    private final Config config;
    private final LoginThrottle throttle;

    public AccountService(Database db, Clock clock, Config config) {
        this.db = db;
        this.clock = clock;
        this.config = config;
        this.throttle = new LoginThrottle(clock);
    }

    /** Creates the member, who keeps the language they signed up in, and signs them in; returns the new session. */
    public WebSession signUp(SignUpForm form, String oldSessionId, Locale language, String address) {
        Invalid.unless(form.errors());
        String hash = Passwords.hash(form.password());
        return db.write(h -> {
            config.limits().signUps().take(h, address, clock.instant());
            return startSession(h.attach(SessionDao.class), oldSessionId, insertMember(h, form, hash, language.getLanguage()));
        });
    }

    /** Creates the member without signing them in. */
    public long register(SignUpForm form) {
        Invalid.unless(form.errors());
        String hash = Passwords.hash(form.password());
        return db.write(h -> insertMember(h, form, hash, null));
    }

    private long insertMember(Handle h, SignUpForm form, String hash, String language) {
        var members = h.attach(MemberDao.class);
        String emailKey = emailKey(form.email());
        if (members.emailTaken(emailKey)) throw Invalid.of("email", "error.emailTaken");
        return members.insert(form.email(), emailKey, form.name(), hash, language, clock.instant());
    }

    /**
     * Signs a member in with a new session id. A wrong email or password gets one generic message;
     * repeated failures for the account or the address are slowed down by {@link LoginThrottle}.
     */
    public WebSession logIn(String email, String password, String address, String oldSessionId) {
        String emailKey = emailKey(email);
        String[] keys = {"email:" + emailKey, "address:" + address};
        Optional<Credentials> credentials = db.read(h -> {
            throttle.check(h, keys);
            return h.attach(MemberDao.class).credentials(emailKey);
        });
        boolean matches = credentials.isPresent() && !password.isEmpty() && password.length() <= Passwords.MAX_LENGTH * 4
                && Passwords.matches(password, credentials.get().passwordHash());
        if (!matches) {
            db.execute(h -> throttle.failed(h, keys));
            throw Invalid.of("email", "error.login");
        }
        return db.write(h -> {
            throttle.succeeded(h, keys[0]);
            return startSession(h.attach(SessionDao.class), oldSessionId, credentials.get().memberId());
        });
    }

    public void logOut(String sessionId) {
        db.execute(h -> h.attach(SessionDao.class).delete(sessionId));
    }

    /** A session for a visitor about to fill in a form, so that the form can carry a CSRF token. */
    public WebSession visitorSession() {
        String id = token();
        String csrf = token();
        Instant now = clock.instant();
        Instant expires = now.plus(VISITOR_SESSION_LIFETIME);
        db.execute(h -> h.attach(SessionDao.class).insert(id, null, csrf, now, expires));
        return new WebSession(id, csrf, expires, null, null, null, null, 0);
    }

    public Optional<WebSession> session(String id) {
        if (id == null || id.isBlank()) return Optional.empty();
        return db.read(h -> h.attach(SessionDao.class).find(id, clock.instant()));
    }

    public Viewer viewer(WebSession session) {
        if (session.memberId() == null) return Viewer.VISITOR;
        return new Viewer(session.memberId(), session.memberName(), config.isAdmin(session.memberEmail()));
    }

    public int deleteExpiredSessions() {
        return db.write(h -> h.attach(SessionDao.class).deleteExpired(clock.instant()));
    }

    public Member member(long id) {
        return db.read(h -> h.attach(MemberDao.class).find(id)).orElseThrow(HttpProblem.NotFound::new);
    }

    public void updateProfile(Viewer viewer, ProfileForm form) {
        Invalid.unless(form.errors());
        db.execute(h -> h.attach(MemberDao.class).updateProfile(viewer.id(), form.name(), form.bio()));
    }

    public void chooseLanguage(Viewer viewer, Locale language) {
        if (viewer.signedIn()) db.execute(h -> h.attach(MemberDao.class).updateLocale(viewer.id(), language.getLanguage()));
    }

    private WebSession startSession(SessionDao sessions, String oldSessionId, long memberId) {
        if (oldSessionId != null) sessions.delete(oldSessionId);
        String id = token();
        String csrf = token();
        Instant now = clock.instant();
        sessions.insert(id, memberId, csrf, now, now.plus(SESSION_LIFETIME));
        return sessions.find(id, now).orElseThrow();
    }

    static String emailKey(String email) {
        return email.strip().toLowerCase(Locale.ROOT);
    }

    private static String token() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
