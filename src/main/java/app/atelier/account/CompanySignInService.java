package app.atelier.account;

import app.atelier.db.Database;
import app.atelier.organisation.OrganisationAccess;
import app.atelier.web.Errors;
import app.atelier.web.HttpProblem;
import app.atelier.web.Invalid;
import app.atelier.web.Viewer;
import app.atelier.webhook.Destination;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.util.DefaultResourceRetriever;
import com.nimbusds.oauth2.sdk.AuthorizationCode;
import com.nimbusds.oauth2.sdk.AuthorizationCodeGrant;
import com.nimbusds.oauth2.sdk.GeneralException;
import com.nimbusds.oauth2.sdk.ResponseType;
import com.nimbusds.oauth2.sdk.Scope;
import com.nimbusds.oauth2.sdk.TokenRequest;
import com.nimbusds.oauth2.sdk.auth.ClientSecretBasic;
import com.nimbusds.oauth2.sdk.auth.Secret;
import com.nimbusds.oauth2.sdk.id.ClientID;
import com.nimbusds.oauth2.sdk.id.Issuer;
import com.nimbusds.oauth2.sdk.id.State;
import com.nimbusds.oauth2.sdk.pkce.CodeChallengeMethod;
import com.nimbusds.oauth2.sdk.pkce.CodeVerifier;
import com.nimbusds.openid.connect.sdk.AuthenticationRequest;
import com.nimbusds.openid.connect.sdk.Nonce;
import com.nimbusds.openid.connect.sdk.OIDCTokenResponse;
import com.nimbusds.openid.connect.sdk.OIDCTokenResponseParser;
import com.nimbusds.openid.connect.sdk.op.OIDCProviderMetadata;
import com.nimbusds.openid.connect.sdk.validators.IDTokenValidator;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Company sign-in: an organisation's owner connects the company's OpenID Connect provider, which vouches for the
 * addresses of its email domains. Someone with such an address is sent to the provider with a state, a nonce and a PKCE
 * challenge; back here, the code is exchanged once, and the ID token's signature (from the provider's published keys),
 * issuer, audience, expiry and nonce are checked. A provider's subject already linked signs in; an address with no
 * account gets one, verified; an account that exists is linked once its password is given. Everyone else keeps their
 * password.
 */
public final class CompanySignInService {
    static final Duration ATTEMPT = Duration.ofMinutes(10);
    static final int TIMEOUT_MS = 5_000;
    static final int DOMAINS_MOST = 10;
    private static final Pattern DOMAIN = Pattern.compile("(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\\.)+[a-z]{2,63}");

    private final Database db;
    private final Clock clock;
    private final AccountService accounts;
    private final Destination destination;
    private final String callback;

    /** @param baseUrl where the provider sends people back to, at {@code /login/company/callback} */
    public CompanySignInService(Database db, Clock clock, AccountService accounts, Destination destination, String baseUrl) {
        this.db = db;
        this.clock = clock;
        this.accounts = accounts;
        this.destination = destination;
        this.callback = baseUrl + CompanySignInRoutes.CALLBACK;
    }

    public String callback() {
        return callback;
    }

    /** The owner's form: the provider's issuer, the client id it gave Atelier, its secret (never shown back), the domains it vouches for. */
    public record Form(String issuer, String clientId, String clientSecret, String domains) {
        static final Form EMPTY = new Form("", "", "", "");
    }

    public Form settings(Viewer viewer, long organisationId) {
        return db.read(h -> {
            owner(h, viewer, organisationId);
            return h.attach(CompanySignInDao.class).find(organisationId)
                    .map(c -> new Form(c.issuer(), c.clientId(), "", String.join(", ", c.domainList()))).orElse(Form.EMPTY);
        });
    }

    /** Saves the provider once it answers its discovery document; the secret is kept as it was when left empty. */
    public void save(Viewer viewer, long organisationId, Form form) {
        var kept = db.read(h -> {
            owner(h, viewer, organisationId);
            return h.attach(CompanySignInDao.class).find(organisationId);
        });
        var errors = Errors.none().text("clientId", form.clientId(), 200);
        String secret = form.clientSecret().isBlank() && kept.isPresent() ? kept.get().clientSecret() : form.clientSecret();
        errors.text("clientSecret", secret, 500);
        var domains = domains(form.domains(), errors);
        OIDCProviderMetadata provider = null;
        var refused = destination.refusal(form.issuer().strip());
        if (refused.isPresent()) errors.add("issuer", refused.get(), 500);
        else provider = discover(form.issuer().strip(), errors);
        Invalid.unless(errors);
        var metadata = provider;
        db.execute(h -> {
            owner(h, viewer, organisationId);
            var dao = h.attach(CompanySignInDao.class);
            for (String domain : domains) {
                if (dao.claimedElsewhere("%," + domain + ",%", organisationId)) throw Invalid.of("domains", "company.domainClaimed", domain);
            }
            dao.save(organisationId, metadata.getIssuer().getValue(), form.clientId().strip(), secret, "," + String.join(",", domains) + ",",
                    metadata.getAuthorizationEndpointURI().toString(), metadata.getTokenEndpointURI().toString(), metadata.getJWKSetURI().toString(), viewer.id(),
                    clock.instant());
        });
    }

    private static String[] domains(String typed, Errors errors) {
        var domains = Arrays.stream(typed.toLowerCase(Locale.ROOT).split("[\\s,;]+")).filter(d -> !d.isEmpty()).distinct().toArray(String[]::new);
        if (domains.length == 0) errors.add("domains", "error.required");
        else if (domains.length > DOMAINS_MOST) errors.add("domains", "company.domainsMost", DOMAINS_MOST);
        else Arrays.stream(domains).filter(d -> !DOMAIN.matcher(d).matches()).findFirst().ifPresent(d -> errors.add("domains", "company.domainFormat", d));
        return domains;
    }

    /** The provider's endpoints from its discovery document, or why it could not be read. */
    private static OIDCProviderMetadata discover(String issuer, Errors errors) {
        try {
            var metadata = OIDCProviderMetadata.resolve(new Issuer(issuer), TIMEOUT_MS, TIMEOUT_MS);
            if (metadata.getJWKSetURI() == null || metadata.getTokenEndpointURI() == null) errors.add("issuer", "company.issuerIncomplete");
            return metadata;
        } catch (GeneralException | IOException | IllegalArgumentException e) {
            errors.add("issuer", "company.issuerNoAnswer");
            return null;
        }
    }

    /** Where someone with this address is sent to sign in: their company's provider, with a new state, nonce and PKCE challenge. */
    public URI start(String email) {
        int at = email.lastIndexOf('@');
        String domain = at < 0 ? "" : email.substring(at + 1).strip().toLowerCase(Locale.ROOT);
        if (domain.isEmpty()) throw Invalid.of("companyEmail", "company.emailFormat");
        var provider = db.read(h -> h.attach(CompanySignInDao.class).forDomain("%," + domain + ",%"))
                .orElseThrow(() -> Invalid.of("companyEmail", "company.noProvider", domain));
        var state = new State();
        var nonce = new Nonce();
        var verifier = new CodeVerifier();
        db.execute(h -> h.attach(CompanySignInDao.class).attempt(state.getValue(), provider.organisationId(), nonce.getValue(), verifier.getValue(), clock.instant()));
        return new AuthenticationRequest.Builder(ResponseType.CODE, new Scope("openid", "email", "profile"), new ClientID(provider.clientId()), URI.create(callback))
                .endpointURI(URI.create(provider.authorizationEndpoint())).state(state).nonce(nonce).codeChallenge(verifier, CodeChallengeMethod.S256)
                .loginHint(email.strip()).build().toURI();
    }

    /** How a return from the provider ends: signed in as a member, or a password to give once to link the account that has the address. */
    public sealed interface Outcome permits SignedIn, LinkAsked {
    }

    public record SignedIn(WebSession session) implements Outcome {
    }

    public record LinkAsked(String state, String email) implements Outcome {
    }

    /**
     * The return from the provider: its state must name a sign-in started here in the last ten minutes and not yet
     * returned from (so a code replayed, or a state made up, is refused), and its code must give an ID token that passes
     * every check.
     */
    public Outcome finish(String code, String state, String error, String oldSessionId) {
        if (state == null || state.isBlank()) throw new HttpProblem.BadRequest("company.badState");
        var now = clock.instant();
        var attempt = db.write(h -> {
            var dao = h.attach(CompanySignInDao.class);
            if (dao.use(state, now, now.minus(ATTEMPT)) == 0) return null;
            return dao.attemptOf(state).orElse(null);
        });
        if (attempt == null) throw new HttpProblem.BadRequest("company.badState");
        if (error != null || code == null || code.isBlank()) throw new HttpProblem.Forbidden("company.refused");
        var provider = db.read(h -> h.attach(CompanySignInDao.class).find(attempt.organisationId())).orElseThrow(() -> new HttpProblem.BadRequest("company.badState"));
        var claims = claims(provider, code, attempt);
        String email = claims.email();
        if (email == null || !provider.vouchesFor(email) || Boolean.FALSE.equals(claims.verified())) throw new HttpProblem.Forbidden("company.addressNotVouched");
        return db.write(h -> {
            var dao = h.attach(CompanySignInDao.class);
            var linked = dao.identity(provider.issuer(), claims.subject());
            if (linked.isPresent()) return new SignedIn(accounts.signInAs(linked.get(), oldSessionId));
            var existing = h.attach(MemberDao.class).findByEmailKey(AccountService.emailKey(email));
            if (existing.isPresent()) {
                dao.await(state, claims.subject(), existing.get().id());
                return new LinkAsked(state, email);
            }
            long id = accounts.registerVouched(h, email, claims.name() == null || claims.name().isBlank() ? email.substring(0, email.indexOf('@')) : claims.name(), null);
            dao.link(provider.issuer(), claims.subject(), id, clock.instant());
            return new SignedIn(accounts.signInAs(id, oldSessionId));
        });
    }

    /** What the checked ID token says of the person. */
    record Claims(String subject, String email, Boolean verified, String name) {
    }

    private Claims claims(CompanySignInDao.Provider provider, String code, CompanySignInDao.Attempt attempt) {
        try {
            var request = new TokenRequest(URI.create(provider.tokenEndpoint()), new ClientSecretBasic(new ClientID(provider.clientId()), new Secret(provider.clientSecret())),
                    new AuthorizationCodeGrant(new AuthorizationCode(code), URI.create(callback), new CodeVerifier(attempt.verifier())))
                    .toHTTPRequest();
            request.setConnectTimeout(TIMEOUT_MS);
            request.setReadTimeout(TIMEOUT_MS);
            var response = OIDCTokenResponseParser.parse(request.send());
            if (!response.indicatesSuccess()) throw new HttpProblem.Forbidden("company.codeRefused");
            var idToken = ((OIDCTokenResponse) response.toSuccessResponse()).getOIDCTokens().getIDToken();
            var validator = new IDTokenValidator(new Issuer(provider.issuer()), new ClientID(provider.clientId()), JWSAlgorithm.RS256,
                    new URI(provider.jwksUri()).toURL(), new DefaultResourceRetriever(TIMEOUT_MS, TIMEOUT_MS));
            var claims = validator.validate(idToken, new Nonce(attempt.nonce()));
            return new Claims(claims.getSubject().getValue(), claims.getStringClaim("email"), claims.getBooleanClaim("email_verified"), claims.getStringClaim("name"));
        } catch (com.nimbusds.jose.JOSEException | com.nimbusds.jose.proc.BadJOSEException e) {
            throw new HttpProblem.Forbidden("company.tokenRefused");
        } catch (com.nimbusds.oauth2.sdk.ParseException | IOException | URISyntaxException | ClassCastException e) {
            throw new HttpProblem.Forbidden("company.providerFailed");
        }
    }

    /** Links the account a provider's subject claimed, once its password is given, and signs in; the state is good for ten minutes. */
    public WebSession link(String state, String password, String address, String oldSessionId) {
        var attempt = db.read(h -> h.attach(CompanySignInDao.class).awaiting(state == null ? "" : state, clock.instant().minus(ATTEMPT)))
                .orElseThrow(() -> new HttpProblem.BadRequest("company.badState"));
        var member = accounts.member(attempt.memberId());
        var session = accounts.logIn(member.email(), password == null ? "" : password, address, oldSessionId);
        db.execute(h -> {
            var dao = h.attach(CompanySignInDao.class);
            var provider = dao.find(attempt.organisationId()).orElseThrow(() -> new HttpProblem.BadRequest("company.badState"));
            dao.link(provider.issuer(), attempt.subject(), member.id(), clock.instant());
            dao.forget(state);
        });
        return session;
    }

    /** Attempts older than their ten minutes, forgotten. */
    public int forgetOld() {
        return db.write(h -> h.attach(CompanySignInDao.class).forgetBefore(clock.instant().minus(ATTEMPT.multipliedBy(2))));
    }

    private static void owner(org.jdbi.v3.core.Handle h, Viewer viewer, long organisationId) {
        var access = OrganisationAccess.of(h, viewer, organisationId);
        access.require(access.owns());
    }
}
