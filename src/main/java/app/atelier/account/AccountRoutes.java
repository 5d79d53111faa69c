package app.atelier.account;

import app.atelier.community.CommunityService;
import app.atelier.contribution.ContributionService;
import app.atelier.contribution.ContributionSummary;
import app.atelier.organisation.Organisation;
import app.atelier.organisation.OrganisationService;
import app.atelier.web.Current;
import app.atelier.web.Errors;
import app.atelier.web.Forms;
import app.atelier.web.Invalid;
import app.atelier.web.Text;
import app.atelier.web.View;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.Cookie;
import io.javalin.http.SameSite;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/** Sign-up, sign-in and out, profiles, the language choice, and the session behind every request. */
public final class AccountRoutes {
    static final String SESSION_COOKIE = "atelier_session";
    static final String LANGUAGE_COOKIE = "atelier_lang";

    public record SignUpPage(SignUpForm form, Errors errors, String next) {
    }

    public record LogInPage(String email, Errors errors, String next) {
    }

    public record ProfilePage(Member member, List<ContributionSummary> contributions, List<Organisation> organisations,
                              List<String> communities) {
    }

    public record EditProfilePage(ProfileForm form, Errors errors, boolean saved, Errors deleteErrors) {
    }

    private final AccountService accounts;
    private final PersonalData personalData;
    private final ContributionService contributions;
    private final OrganisationService organisations;
    private final CommunityService communities;
    private final Clock clock;
    private final boolean secureCookies;

    public AccountRoutes(AccountService accounts, ContributionService contributions, OrganisationService organisations,
                         CommunityService communities, PersonalData personalData, Clock clock, boolean secureCookies) {
        this.personalData = personalData;
        this.communities = communities;
        this.accounts = accounts;
        this.contributions = contributions;
        this.organisations = organisations;
        this.clock = clock;
        this.secureCookies = secureCookies;
    }

    /** Reads the session cookie and the language before any handler runs. */
    public void loadSession(Context ctx) {
        var session = accounts.session(ctx.cookie(SESSION_COOKIE)).orElse(null);
        var viewer = session == null ? app.atelier.web.Viewer.VISITOR : accounts.viewer(session);
        Locale language = firstNonNull(
                Text.language(session == null ? null : session.memberLocale()),
                Text.language(ctx.cookie(LANGUAGE_COOKIE)),
                Text.fromAcceptLanguage(ctx.header("Accept-Language")),
                Text.FRENCH);
        Current.set(ctx, new Current.State(viewer, session == null ? null : session.id(),
                session == null ? null : session.csrfToken(), Text.of(language), clock.instant(), session == null ? 0 : session.unread()));
    }

    public void register(RoutesConfig routes) {
        routes.get("/signup", this::signUpForm);
        routes.post("/signup", this::signUp);
        routes.get("/login", this::logInForm);
        routes.post("/login", this::logIn);
        routes.post("/logout", this::logOut);
        routes.get("/members/{id}", this::profile);
        routes.get("/account", this::editProfileForm);
        routes.post("/account", this::editProfile);
        routes.get("/language/{lang}", this::chooseLanguage);
        routes.get("/account/export", this::export);
        routes.post("/account/delete", this::delete);
    }

    private void signUpForm(Context ctx) {
        ensureSession(ctx);
        View.render(ctx, "account/signup.jte", new SignUpPage(SignUpForm.empty(), Errors.none(), next(ctx)));
    }

    private void signUp(Context ctx) {
        var form = SignUpForm.from(ctx);
        try {
            startSession(ctx, accounts.signUp(form, Current.state(ctx).sessionId(), Current.text(ctx).locale(), ctx.ip()));
            ctx.redirect(next(ctx));
        } catch (Invalid e) {
            View.invalid(ctx, "account/signup.jte", new SignUpPage(form.withoutPassword(), e.errors(), next(ctx)));
        }
    }

    private void logInForm(Context ctx) {
        ensureSession(ctx);
        View.render(ctx, "account/login.jte", new LogInPage("", Errors.none(), next(ctx)));
    }

    private void logIn(Context ctx) {
        String email = Forms.text(ctx, "email");
        String password = Objects.requireNonNullElse(ctx.formParam("password"), "");
        try {
            startSession(ctx, accounts.logIn(email, password, ctx.ip(), Current.state(ctx).sessionId()));
            ctx.redirect(next(ctx));
        } catch (Invalid e) {
            View.invalid(ctx, "account/login.jte", new LogInPage(email, e.errors(), next(ctx)));
        }
    }

    private void logOut(Context ctx) {
        accounts.logOut(Current.state(ctx).sessionId());
        ctx.cookie(cookie(SESSION_COOKIE, "", 0));
        ctx.redirect("/");
    }

    private void profile(Context ctx) {
        var member = accounts.member(Forms.pathId(ctx, "id"));
        View.render(ctx, "account/profile.jte", new ProfilePage(member, contributions.byAuthor(member.id()),
                organisations.ofMember(member.id()), communities.communitiesOf(member.id())));
    }

    private void editProfileForm(Context ctx) {
        var member = accounts.member(Current.viewer(ctx).id());
        View.render(ctx, "account/edit.jte", new EditProfilePage(ProfileForm.of(member), Errors.none(), ctx.queryParam("saved") != null, Errors.none()));
    }

    private void editProfile(Context ctx) {
        var form = ProfileForm.from(ctx);
        try {
            accounts.updateProfile(Current.viewer(ctx), form);
            ctx.redirect("/account?saved");
        } catch (Invalid e) {
            View.invalid(ctx, "account/edit.jte", new EditProfilePage(form, e.errors(), false, Errors.none()));
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
            personalData.delete(viewer, ctx.formParam("password"));
            ctx.cookie(cookie(SESSION_COOKIE, "", 0));
            ctx.redirect("/?deleted");
        } catch (Invalid e) {
            var member = accounts.member(viewer.id());
            View.invalid(ctx, "account/edit.jte", new EditProfilePage(ProfileForm.of(member), Errors.none(), false, e.errors()));
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

    /** A visitor about to fill in a form gets a session, so that the form can carry its token. */
    private void ensureSession(Context ctx) {
        var state = Current.state(ctx);
        if (state.sessionId() != null) return;
        var session = accounts.visitorSession();
        ctx.cookie(cookie(SESSION_COOKIE, session.id(), (int) AccountService.VISITOR_SESSION_LIFETIME.toSeconds()));
        Current.set(ctx, new Current.State(state.viewer(), session.id(), session.csrfToken(), state.text(), state.now(), 0));
    }

    private void startSession(Context ctx, WebSession session) {
        ctx.cookie(cookie(SESSION_COOKIE, session.id(), (int) AccountService.SESSION_LIFETIME.toSeconds()));
    }

    private Cookie cookie(String name, String value, int maxAgeSeconds) {
        return new Cookie(name, value, "/", maxAgeSeconds, secureCookies, true, null, SameSite.LAX);
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
