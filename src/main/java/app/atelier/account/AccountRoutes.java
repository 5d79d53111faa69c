package app.atelier.account;

import app.atelier.community.CommunityService;
import app.atelier.community.Invitation;
import app.atelier.organisation.OrganisationService;
import app.atelier.organisation.StaffOffer;
import app.atelier.web.Current;
import app.atelier.web.Errors;
import app.atelier.web.Forms;
import app.atelier.web.Invalid;
import app.atelier.web.Notice;
import app.atelier.web.Page;
import app.atelier.web.Paths;
import app.atelier.web.Role;
import app.atelier.web.Text;
import app.atelier.web.View;
import app.atelier.web.Viewer;
import app.atelier.web.WebSecurity;
import app.atelier.web.Workplace;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.Cookie;
import io.javalin.http.SameSite;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/** Sign-up, sign-in and out, the member's own account (address, password, personal data), the language choice, and the session behind every request. */
public final class AccountRoutes {
    static final String SESSION_COOKIE = "atelier_session";
    static final String FORM_COOKIE = "atelier_form";
    static final String LANGUAGE_COOKIE = "atelier_lang";
    /** What the account page can say after a change: each is a key under {@code account.notice.}. */
    private static final Set<String> NOTICES = Set.of("saved", "verified", "sent", "password", "email", "sessions", "reset");

    /** {@code invitation}, when the person came by an invitation's link, is named on the page; else null. */
    public record SignUpPage(SignUpForm form, Errors errors, String next, Invitation invitation) implements Page {
        @Override
        public String template() {
            return "account/signup.jte";
        }
    }

    public record LogInPage(String email, Errors errors, String next, Invitation invitation) implements Page {
        @Override
        public String template() {
            return "account/login.jte";
        }
    }

    /**
     * The member's own account: profile, address, password, sessions, staff offers, personal data. {@code failed}
     * names the one form that was refused, whose messages are {@code errors}.
     */
    public record AccountPage(Member member, ProfileForm form, List<StaffOffer> offers, String notice, String failed, Errors errors,
                              String newEmail) implements Page {
        @Override
        public String template() {
            return "account/edit.jte";
        }

        public Errors errorsOf(String form) {
            return form.equals(failed) ? errors : Errors.none();
        }
    }

    /** A link from an email: to verify an address or to choose a new password; {@code open} is false once used or expired. */
    public record LinkPage(AccountLink.Purpose purpose, String token, boolean open, Errors errors) implements Page {
        @Override
        public String template() {
            return purpose == AccountLink.Purpose.VERIFY ? "account/verify.jte" : "account/reset.jte";
        }
    }

    public record ForgotPage(String email, Errors errors, boolean sent) implements Page {
        @Override
        public String template() {
            return "account/forgot.jte";
        }
    }

    private final AccountService accounts;
    private final FormTokens formTokens;
    private final PersonalData personalData;
    private final OrganisationService organisations;
    private final CommunityService communities;
    private final Clock clock;
    private final boolean secureCookies;
    private final ApiTokenService apiTokens;

    public AccountRoutes(AccountService accounts, FormTokens formTokens, OrganisationService organisations, CommunityService communities,
                         PersonalData personalData, Clock clock, boolean secureCookies, ApiTokenService apiTokens) {
        this.accounts = accounts;
        this.apiTokens = apiTokens;
        this.formTokens = formTokens;
        this.personalData = personalData;
        this.communities = communities;
        this.organisations = organisations;
        this.clock = clock;
        this.secureCookies = secureCookies;
    }

    /** Reads the session cookie (or a visitor's signed form token) and the language before any handler runs. */
    public void loadSession(Context ctx) {
        if (WebSecurity.api(ctx)) {
            loadCaller(ctx);
            return;
        }
        var session = accounts.session(ctx.cookie(SESSION_COOKIE)).orElse(null);
        var viewer = session == null ? Viewer.VISITOR : accounts.viewer(session);
        Locale language = firstNonNull(
                Text.language(session == null ? null : session.memberLocale()),
                Text.language(ctx.cookie(LANGUAGE_COOKIE)),
                Text.fromAcceptLanguage(ctx.header("Accept-Language")),
                Text.FRENCH);
        String csrf = session != null ? session.csrfToken() : formTokens.read(ctx.cookie(FORM_COOKIE));
        Current.set(ctx, new Current.State(viewer, session == null ? null : session.id(), csrf, Text.of(language, clock.getZone()), clock.instant(),
                session == null ? 0 : session.unread(), session == null ? List.of() : Workplace.parse(session.workplaces()),
                session == null || session.memberVerified() ? null : session.memberEmail()));
    }

    /**
     * A call to the API acts as the member whose token it bears ({@code Authorization: Bearer}), in their language;
     * without a valid one, as a visitor. The session's cookie is not read.
     */
    private void loadCaller(Context ctx) {
        String authorization = ctx.header("Authorization");
        String secret = authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7) ? authorization.substring(7).strip() : null;
        var caller = apiTokens.caller(secret);
        caller.ifPresent(c -> ctx.attribute(CALLER, c));
        Locale language = firstNonNull(Text.language(caller.map(ApiTokenService.Caller::locale).orElse(null)), Text.fromAcceptLanguage(ctx.header("Accept-Language")),
                Text.FRENCH);
        Current.set(ctx, new Current.State(caller.map(ApiTokenService.Caller::viewer).orElse(Viewer.VISITOR), null, null, Text.of(language, clock.getZone()),
                clock.instant(), 0, List.of(), null));
    }

    /** The token a call to the API bears, once {@link #loadSession} found it. */
    public static Optional<ApiTokenService.Caller> caller(Context ctx) {
        return Optional.ofNullable(ctx.attribute(CALLER));
    }

    private static final String CALLER = "atelier.apiCaller";

    public void register(RoutesConfig routes) {
        routes.get("/signup", this::signUpForm, Role.ANYONE);
        routes.post("/signup", this::signUp, Role.ANYONE);
        routes.get("/login", this::logInForm, Role.ANYONE);
        routes.post("/login", this::logIn, Role.ANYONE);
        routes.post("/logout", this::logOut, Role.MEMBER);
        routes.get("/account", ctx -> account(ctx, ProfileForm.of(accounts.member(Current.viewer(ctx).id())), null, Errors.none(), ""), Role.MEMBER);
        routes.post("/account", this::editProfile, Role.MEMBER);
        routes.post("/account/verify", ctx -> {
            accounts.resendVerification(Current.viewer(ctx));
            String back = ctx.formParam("back");
            if (back == null || back.isBlank()) {
                ctx.redirect("/account?sent#email");
                return;
            }
            Notice.done(ctx, "account.notice.sent");
            ctx.redirect(Forms.localPath(back));
        }, Role.MEMBER);
        routes.post("/account/email", this::changeEmail, Role.MEMBER);
        routes.post("/account/password", this::changePassword, Role.MEMBER);
        routes.post("/account/sessions", ctx -> {
            accounts.endOtherSessions(Current.viewer(ctx), Current.state(ctx).sessionId());
            ctx.redirect("/account?sessions#security");
        }, Role.MEMBER);
        routes.get("/verify/{token}", ctx -> link(ctx, AccountLink.Purpose.VERIFY), Role.ANYONE);
        routes.post("/verify/{token}", ctx -> {
            accounts.verify(ctx.pathParam("token"));
            ctx.redirect(Current.viewer(ctx).signedIn() ? "/account?verified#email" : "/login?next=%2Faccount");
        }, Role.ANYONE);
        routes.get("/password/forgot", ctx -> {
            ensureFormToken(ctx);
            View.render(ctx, new ForgotPage("", Errors.none(), ctx.queryParam("sent") != null));
        }, Role.ANYONE);
        routes.post("/password/forgot", this::requestReset, Role.ANYONE);
        routes.get("/password/reset/{token}", ctx -> link(ctx, AccountLink.Purpose.RESET), Role.ANYONE);
        routes.post("/password/reset/{token}", this::resetPassword, Role.ANYONE);
        routes.get("/language/{lang}", this::chooseLanguage, Role.ANYONE);
        routes.get("/account/export", this::export, Role.MEMBER);
        routes.post("/account/delete", this::delete, Role.MEMBER);
    }

    private void signUpForm(Context ctx) {
        ensureFormToken(ctx);
        var invitation = invitationIn(ctx);
        var form = invitation == null ? SignUpForm.empty() : new SignUpForm("", invitation.email(), "");
        View.render(ctx, new SignUpPage(form, Errors.none(), next(ctx), invitation));
    }

    /** A new member is signed in; an address that already has an account gets the same answer, and an email. */
    private void signUp(Context ctx) {
        var form = SignUpForm.from(ctx);
        try {
            accounts.signUp(form, Current.state(ctx).sessionId(), Current.text(ctx).locale(), ctx.ip()).ifPresent(s -> startSession(ctx, s));
            ctx.redirect(next(ctx));
        } catch (Invalid e) {
            View.invalid(ctx, new SignUpPage(form.withoutPassword(), e.errors(), next(ctx), invitationIn(ctx)));
        }
    }

    private void logInForm(Context ctx) {
        ensureFormToken(ctx);
        View.render(ctx, new LogInPage("", Errors.none(), next(ctx), invitationIn(ctx)));
    }

    private void logIn(Context ctx) {
        String email = Forms.text(ctx, "email");
        String password = Objects.requireNonNullElse(ctx.formParam("password"), "");
        try {
            startSession(ctx, accounts.logIn(email, password, ctx.ip(), Current.state(ctx).sessionId()));
            ctx.redirect(next(ctx));
        } catch (Invalid e) {
            View.invalid(ctx, new LogInPage(email, e.errors(), next(ctx), invitationIn(ctx)));
        }
    }

    private void logOut(Context ctx) {
        accounts.logOut(Current.state(ctx).sessionId());
        ctx.cookie(cookie(SESSION_COOKIE, "", 0));
        ctx.redirect("/");
    }

    private void account(Context ctx, ProfileForm form, String failed, Errors errors, String newEmail) {
        var viewer = Current.viewer(ctx);
        var member = accounts.member(viewer.id());
        String notice = ctx.queryParamMap().keySet().stream().filter(NOTICES::contains).findFirst().orElse(null);
        if (failed != null) ctx.status(422);
        View.render(ctx, new AccountPage(member, form, organisations.offersTo(viewer), notice, failed, errors, newEmail));
    }

    private void editProfile(Context ctx) {
        var form = ProfileForm.from(ctx);
        try {
            accounts.updateProfile(Current.viewer(ctx), form);
            ctx.redirect("/account?saved");
        } catch (Invalid e) {
            account(ctx, form, "profile", e.errors(), "");
        }
    }

    private void changeEmail(Context ctx) {
        var viewer = Current.viewer(ctx);
        String email = Forms.text(ctx, "email");
        try {
            accounts.changeEmail(viewer, ctx.formParam("emailPassword"), email);
            ctx.redirect("/account?email#email");
        } catch (Invalid e) {
            account(ctx, ProfileForm.of(accounts.member(viewer.id())), "email", e.errors(), email);
        }
    }

    private void changePassword(Context ctx) {
        var viewer = Current.viewer(ctx);
        try {
            accounts.changePassword(viewer, ctx.formParam("current"), Objects.requireNonNullElse(ctx.formParam("password"), ""),
                    Current.state(ctx).sessionId());
            ctx.redirect("/account?password#security");
        } catch (Invalid e) {
            account(ctx, ProfileForm.of(accounts.member(viewer.id())), "password", e.errors(), "");
        }
    }

    private void link(Context ctx, AccountLink.Purpose purpose) {
        ensureFormToken(ctx);
        String token = ctx.pathParam("token");
        View.render(ctx, new LinkPage(purpose, token, accounts.linkOpen(token, purpose), Errors.none()));
    }

    private void requestReset(Context ctx) {
        String email = Forms.text(ctx, "email");
        try {
            accounts.requestReset(email, ctx.ip());
            ctx.redirect("/password/forgot?sent");
        } catch (Invalid e) {
            View.invalid(ctx, new ForgotPage(email, e.errors(), false));
        }
    }

    private void resetPassword(Context ctx) {
        String token = ctx.pathParam("token");
        try {
            startSession(ctx, accounts.resetPassword(token, Objects.requireNonNullElse(ctx.formParam("password"), ""), Current.state(ctx).sessionId()));
            ctx.redirect("/account?reset");
        } catch (Invalid e) {
            View.invalid(ctx, new LinkPage(AccountLink.Purpose.RESET, token, true, e.errors()));
        }
    }

    private void export(Context ctx) {
        String json = personalData.export(Current.viewer(ctx));
        ctx.contentType("application/json; charset=utf-8");
        ctx.header("Content-Disposition", "attachment; filename=\"atelier-my-data.json\"");
        ctx.result(json);
    }

    private void delete(Context ctx) {
        var viewer = Current.viewer(ctx);
        try {
            accounts.requirePassword(viewer, ctx.formParam("password"), "password");
            personalData.delete(viewer);
            ctx.cookie(cookie(SESSION_COOKIE, "", 0));
            Notice.done(ctx, "notice.accountDeleted");
            ctx.redirect("/");
        } catch (Invalid e) {
            account(ctx, ProfileForm.of(accounts.member(viewer.id())), "delete", e.errors(), "");
        }
    }

    private void chooseLanguage(Context ctx) {
        Locale language = Text.language(ctx.pathParam("lang"));
        if (language != null) {
            ctx.cookie(cookie(LANGUAGE_COOKIE, language.getLanguage(), 365 * 24 * 3600));
            accounts.chooseLanguage(Current.viewer(ctx), language);
        }
        ctx.redirect(Forms.localPath(ctx.queryParam("back")));
    }

    /** A visitor about to fill in a form gets a token in a signed cookie; no session is written for them. */
    void ensureFormToken(Context ctx) {
        var state = Current.state(ctx);
        if (state.csrfToken() != null) return;
        String[] issued = formTokens.issue();
        ctx.cookie(cookie(FORM_COOKIE, issued[1], -1));
        Current.set(ctx, new Current.State(state.viewer(), null, issued[0], state.text(), state.now(), 0, List.of(), null));
    }

    void startSession(Context ctx, WebSession session) {
        ctx.cookie(cookie(SESSION_COOKIE, session.id(), (int) AccountService.SESSION_LIFETIME.toSeconds()));
    }

    private Cookie cookie(String name, String value, int maxAgeSeconds) {
        return new Cookie(name, value, "/", maxAgeSeconds, secureCookies, true, null, SameSite.LAX);
    }

    /** The open invitation that signing up or in leads on to, if the next page is one. */
    private Invitation invitationIn(Context ctx) {
        String prefix = Paths.invitation("");
        String next = next(ctx);
        if (!next.startsWith(prefix)) return null;
        return communities.invitation(next.substring(prefix.length()))
                .filter(i -> i.state(Current.state(ctx).now()) == Invitation.State.OPEN)
                .orElse(null);
    }

    private static String next(Context ctx) {
        String next = ctx.formParam("next");
        return Forms.localPath(next != null ? next : ctx.queryParam("next"));
    }

    @SafeVarargs
    private static <T> T firstNonNull(T... values) {
        for (T value : values) if (value != null) return value;
        return null;
    }
}
