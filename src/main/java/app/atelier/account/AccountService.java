package app.atelier.account;

import app.atelier.Config;
import app.atelier.db.Database;
import app.atelier.notification.Notifier;
import app.atelier.web.HttpProblem;
import app.atelier.web.Invalid;
import app.atelier.web.RateLimit;
import app.atelier.web.Text;
import app.atelier.web.Tokens;
import app.atelier.web.Viewer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/** Members, their passwords, their addresses and the links that prove them, and their sessions. */
public final class AccountService {
    static final Duration SESSION_LIFETIME = Duration.ofDays(30);
    static final Duration VERIFY_LINK_LIFETIME = Duration.ofDays(2);
    static final Duration RESET_LINK_LIFETIME = Duration.ofHours(1);
    /** Links a member may ask to be sent again, and reset links an address or an account may ask for. */
    private static final RateLimit RESENDS = new RateLimit("verify", 3, Duration.ofHours(1));
    private static final RateLimit RESETS = new RateLimit("reset", 5, Duration.ofHours(1));

    private final Database db;
    private final Clock clock;
    private final Config config;
    private final Notifier notifier;
    private final LoginThrottle throttle;
    private final Passwords passwords;

    public AccountService(Database db, Clock clock, Config config, Notifier notifier) {
        this.passwords = new Passwords(config.hashing());
        this.db = db;
        this.clock = clock;
        this.config = config;
        this.notifier = notifier;
        this.throttle = new LoginThrottle(clock);
    }

    /**
     * Creates the member, who keeps the language they signed up in, sends the link that verifies their address,
     * and signs them in. An address that already has an account gets an email saying so instead, and the
     * answer is the same: empty, where a new member gets their session. Both take one password hash.
     */
    public Optional<WebSession> signUp(SignUpForm form, String oldSessionId, Locale language, String address) {
        Invalid.unless(form.errors());
        db.execute(h -> config.limits().signUps().take(h, address, clock.instant()));
        String hash = passwords.hash(form.password());
        return db.write(h -> {
            var members = h.attach(MemberDao.class);
            var existing = members.findByEmailKey(emailKey(form.email()));
            if (existing.isPresent()) {
                var owner = existing.get();
                notifier.email(h, owner.email(), text(owner.locale()), "email.signupTaken", "/password/forgot", clock.instant());
                return Optional.empty();
            }
            long id = insertMember(h, form, hash, language.getLanguage());
            sendLink(h, id, AccountLink.Purpose.VERIFY, form.email(), Text.of(language, clock.getZone()));
            return Optional.of(startSession(h.attach(SessionDao.class), oldSessionId, id));
        });
    }

    /** Signs in a member whom someone else vouched for (their company's provider), with a new session id. */
    WebSession signInAs(long memberId, String oldSessionId) {
        return db.write(h -> startSession(h.attach(SessionDao.class), oldSessionId, memberId));
    }

    /**
     * Creates a member whose address their company's provider vouches for, verified, with no password: they sign in
     * through the provider, or set one by the forgotten-password link.
     */
    long registerVouched(Handle h, String email, String name, String language) {
        var members = h.attach(MemberDao.class);
        long id = members.insert(email, emailKey(email), name, "!", language, clock.instant());
        members.verify(id, email, emailKey(email), clock.instant());
        return id;
    }

    /** Creates a member whose address is known to be theirs, without signing them in: the demo community. */
    public long register(SignUpForm form) {
        Invalid.unless(form.errors());
        String hash = passwords.hash(form.password());
        return db.write(h -> {
            long id = insertMember(h, form, hash, null);
            h.attach(MemberDao.class).verify(id, form.email(), emailKey(form.email()), clock.instant());
            return id;
        });
    }

    private long insertMember(Handle h, SignUpForm form, String hash, String language) {
        var members = h.attach(MemberDao.class);
        String emailKey = emailKey(form.email());
        if (members.findByEmailKey(emailKey).isPresent()) throw Invalid.of("email", "error.emailTaken");
        return members.insert(form.email(), emailKey, form.name(), hash, language, clock.instant());
    }

    /**
     * Signs a member in with a new session id. A wrong email or password gets one generic message and takes as
     * long as a right one; {@link LoginThrottle} slows down repeated failures before any password is checked.
     */
    public WebSession logIn(String email, String password, String address, String oldSessionId) {
        if (email.isEmpty() || password.isEmpty() || password.length() > Passwords.MAX_LENGTH * 4) throw Invalid.of("email", "error.login");
        String emailKey = emailKey(email);
        db.execute(h -> throttle.attempt(h, emailKey, address));
        var credentials = db.read(h -> h.attach(MemberDao.class).credentials(emailKey));
        boolean matches = credentials.isPresent() ? Passwords.matches(password, credentials.get().passwordHash()) : wrong(password);
        if (!matches) throw Invalid.of("email", "error.login");
        return db.write(h -> {
            throttle.succeeded(h, emailKey, address);
            return startSession(h.attach(SessionDao.class), oldSessionId, credentials.get().memberId());
        });
    }

    private boolean wrong(String password) {
        passwords.matchNothing(password);
        return false;
    }

    public void logOut(String sessionId) {
        if (sessionId != null) db.execute(h -> h.attach(SessionDao.class).delete(sessionId));
    }

    /** Ends every session of the member but this one. */
    public int endOtherSessions(Viewer viewer, String sessionId) {
        return db.write(h -> h.attach(SessionDao.class).deleteOthers(viewer.id(), sessionId));
    }

    public Optional<WebSession> session(String id) {
        if (id == null || id.isBlank()) return Optional.empty();
        return db.read(h -> h.attach(SessionDao.class).find(id, clock.instant()));
    }

    /** Platform admins are named in the configuration, and count only once their address is verified. */
    public Viewer viewer(WebSession session) {
        return new Viewer(session.memberId(), session.memberName(), session.memberVerified() && config.isAdmin(session.memberEmail()));
    }

    /** The same member as {@link #viewer(WebSession)} makes them, read from their row. */
    public Viewer viewer(Member member) {
        return new Viewer(member.id(), member.name(), member.emailVerifiedAt() != null && config.isAdmin(member.email()));
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

    /** Sends the member a new link to verify their address, a few times an hour at most. */
    public void resendVerification(Viewer viewer) {
        long id = viewer.id();
        db.execute(h -> {
            var member = h.attach(MemberDao.class).find(id).orElseThrow();
            if (member.verified()) return;
            RESENDS.take(h, "member:" + id, clock.instant());
            sendLink(h, id, AccountLink.Purpose.VERIFY, member.email(), text(member.locale()));
        });
    }

    /** The address the link was sent to becomes the member's verified address. */
    public void verify(String token) {
        String hash = Tokens.hash(token);
        db.execute(h -> {
            var link = use(h, hash, AccountLink.Purpose.VERIFY);
            String key = emailKey(link.email());
            var members = h.attach(MemberDao.class);
            if (members.findByEmailKey(key).filter(m -> m.id() != link.memberId()).isPresent()) throw new HttpProblem.Conflict("error.emailNowTaken");
            members.verify(link.memberId(), link.email(), key, clock.instant());
            h.attach(AccountLinkDao.class).useAll(link.memberId(), AccountLink.Purpose.VERIFY, clock.instant());
        });
    }

    /** Whether a link is still good, so that its page can say so before anyone types anything. */
    public boolean linkOpen(String token, AccountLink.Purpose purpose) {
        return db.read(h -> h.attach(AccountLinkDao.class).open(Tokens.hash(token), purpose, clock.instant())).isPresent();
    }

    /**
     * Emails a reset link if the address has an account; the answer is the same either way. An address and an
     * account may each ask a few times an hour.
     */
    public void requestReset(String email, String address) {
        if (email.isEmpty() || email.length() > SignUpForm.EMAIL_MAX) throw Invalid.of("email", "error.email");
        String key = emailKey(email);
        db.execute(h -> {
            RESETS.take(h, "address:" + address, clock.instant());
            var member = h.attach(MemberDao.class).findByEmailKey(key);
            if (member.isEmpty()) return;
            RESETS.take(h, "account:" + key, clock.instant());
            sendLink(h, member.get().id(), AccountLink.Purpose.RESET, member.get().email(), text(member.get().locale()));
        });
    }

    /** Sets a new password from a reset link, ends every other session, forgives failed sign-ins, and signs in. */
    public WebSession resetPassword(String token, String password, String oldSessionId) {
        SignUpForm.requireGoodPassword(password);
        String linkHash = Tokens.hash(token);
        if (!linkOpen(token, AccountLink.Purpose.RESET)) throw new HttpProblem.Conflict("error.linkExpired");
        String hash = passwords.hash(password);
        return db.write(h -> {
            var link = use(h, linkHash, AccountLink.Purpose.RESET);
            var members = h.attach(MemberDao.class);
            var member = members.find(link.memberId()).orElseThrow();
            members.setPassword(member.id(), hash);
            // The link reached the address: it is the member's.
            if (emailKey(member.email()).equals(emailKey(link.email())) && !member.verified()) {
                members.verify(member.id(), member.email(), emailKey(member.email()), clock.instant());
            }
            h.attach(AccountLinkDao.class).useAll(member.id(), AccountLink.Purpose.RESET, clock.instant());
            throttle.forgive(h, emailKey(member.email()));
            var sessions = h.attach(SessionDao.class);
            sessions.deleteOthers(member.id(), "");
            return startSession(sessions, oldSessionId, member.id());
        });
    }

    /** A new password, with the current one asked again; every other session ends. */
    public void changePassword(Viewer viewer, String current, String password, String sessionId) {
        requirePassword(viewer, current, "current");
        SignUpForm.requireGoodPassword(password);
        String hash = passwords.hash(password);
        db.execute(h -> {
            h.attach(MemberDao.class).setPassword(viewer.id(), hash);
            h.attach(SessionDao.class).deleteOthers(viewer.id(), sessionId);
        });
    }

    /**
     * A new address, with the password asked again: it takes effect when the link sent to it is opened, and the
     * current address is told. An address that another account uses is answered the same, and sent nothing.
     */
    public void changeEmail(Viewer viewer, String password, String email) {
        SignUpForm.requireGoodEmail(email);
        requirePassword(viewer, password, "emailPassword");
        db.execute(h -> {
            var members = h.attach(MemberDao.class);
            var member = members.find(viewer.id()).orElseThrow();
            RESENDS.take(h, "member:" + member.id(), clock.instant());
            if (members.findByEmailKey(emailKey(email)).isPresent()) return;
            sendLink(h, member.id(), AccountLink.Purpose.VERIFY, email, text(member.locale()));
            notifier.email(h, member.email(), text(member.locale()), "email.emailChanging", "/account", clock.instant(), email);
        });
    }

    /** Checks the member's password, as actions that cannot be undone ask. */
    public void requirePassword(Viewer viewer, String password, String field) {
        if (password == null || password.isEmpty() || password.length() > Passwords.MAX_LENGTH * 4) throw Invalid.of(field, "error.passwordConfirm");
        var credentials = db.read(h -> h.attach(MemberDao.class).credentialsOf(viewer.id()).orElseThrow());
        if (!Passwords.matches(password, credentials.passwordHash())) throw Invalid.of(field, "error.passwordConfirm");
    }

    private AccountLink use(Handle h, String hash, AccountLink.Purpose purpose) {
        var links = h.attach(AccountLinkDao.class);
        var link = links.open(hash, purpose, clock.instant()).orElseThrow(() -> new HttpProblem.Conflict("error.linkExpired"));
        if (links.use(hash, clock.instant()) != 1) throw new HttpProblem.Conflict("error.linkExpired");
        return link;
    }

    private void sendLink(Handle h, long memberId, AccountLink.Purpose purpose, String email, Text text) {
        String token = Tokens.random();
        Instant now = clock.instant();
        boolean verify = purpose == AccountLink.Purpose.VERIFY;
        h.attach(AccountLinkDao.class).insert(Tokens.hash(token), memberId, purpose, email, now,
                now.plus(verify ? VERIFY_LINK_LIFETIME : RESET_LINK_LIFETIME));
        notifier.email(h, email, text, verify ? "email.verify" : "email.reset", (verify ? "/verify/" : "/password/reset/") + token, now);
    }

    private WebSession startSession(SessionDao sessions, String oldSessionId, long memberId) {
        if (oldSessionId != null) sessions.delete(oldSessionId);
        String id = Tokens.random();
        Instant now = clock.instant();
        sessions.insert(id, memberId, Tokens.random(), now, now.plus(SESSION_LIFETIME));
        return sessions.find(id, now).orElseThrow();
    }

    private Text text(String locale) {
        return Text.of(locale == null ? Text.FRENCH : Locale.forLanguageTag(locale), clock.getZone());
    }

    static String emailKey(String email) {
        return email.strip().toLowerCase(Locale.ROOT);
    }
}
