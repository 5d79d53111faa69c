package app.atelier.account;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.atelier.Config;
import app.atelier.support.Browser;
import app.atelier.support.Site;
import app.atelier.support.TestClock;
import app.atelier.support.TestDatabase;
import com.nimbusds.jose.JOSEObjectType;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import no.nav.security.mock.oauth2.MockOAuth2Server;
import no.nav.security.mock.oauth2.token.DefaultOAuth2TokenCallback;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Company sign-in through the running app, against a real OpenID Connect provider started here (NAV's
 * mock-oauth2-server): an owner connects it, someone with its domain signs in, and the refusals of a wrong state, a
 * replayed code, an expired token and a token signed with keys the provider does not publish; an account that exists is
 * linked once its password is given.
 */
class CompanySignInTest {
    private static final HttpClient HTTP = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    @TempDir
    Path dir;

    private MockOAuth2Server provider;

    @BeforeEach
    void start() {
        provider = new MockOAuth2Server();
        provider.start();
    }

    @AfterEach
    void stop() {
        provider.shutdown();
    }

    private void run(Site.Steps steps) {
        Site.run(TestDatabase.config(dir).withOperations(Config.Operations.DEFAULT.withWebhooksToPrivate()), new TestClock(Site.START), steps);
    }

    /** What the provider will say of the next person it signs in, for {@code expiry} seconds. */
    private void next(String subject, String email, long expiry) {
        provider.enqueueCallback(new DefaultOAuth2TokenCallback("company", subject, JOSEObjectType.JWT.getType(), List.of("atelier"),
                Map.of("email", email, "email_verified", true, "name", "Eve Adams"), expiry));
    }

    /** The path of the app the provider sends the browser back to, and the nonce the app asked it to put in the ID token. */
    private record Back(String path, String nonce) {
    }

    /** Sends the browser to the provider from the sign-in page, and returns the path of the app it is sent back to. */
    private static String throughProvider(Browser browser, String email) {
        return back(browser, email).path();
    }

    private static Back back(Browser browser, String email) {
        var sent = browser.post("/login/company", "companyEmail", email);
        assertEquals(302, sent.code(), () -> sent.body().string());
        String authorize = Site.location(sent);
        assertTrue(authorize.contains("code_challenge_method=S256") && authorize.contains("nonce=") && authorize.contains("state="), authorize);
        try {
            var back = HTTP.send(HttpRequest.newBuilder(URI.create(authorize)).GET().build(), HttpResponse.BodyHandlers.discarding());
            String location = back.headers().firstValue("Location").orElseThrow();
            assertTrue(location.startsWith("http://localhost/login/company/callback?"), location);
            return new Back(location.substring("http://localhost".length()), authorize.replaceAll(".*[?&]nonce=([^&]+).*", "$1"));
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Runs the step while the provider's token endpoint answers with the body given: a provider that signs, with its
     * own keys, an ID token that must still be refused.
     */
    private static io.javalin.testtools.Response withTokenEndpoint(Site site, String body, java.util.function.Supplier<io.javalin.testtools.Response> step) {
        try {
            var server = com.sun.net.httpserver.HttpServer.create(new java.net.InetSocketAddress(java.net.InetAddress.getLoopbackAddress(), 0), 0);
            server.createContext("/token", exchange -> {
                exchange.getRequestBody().readAllBytes();
                byte[] bytes = body.getBytes(java.nio.charset.StandardCharsets.UTF_8);
                exchange.getResponseHeaders().add("Content-Type", "application/json");
                exchange.sendResponseHeaders(200, bytes.length);
                exchange.getResponseBody().write(bytes);
                exchange.close();
            });
            server.start();
            try {
                site.execute("UPDATE company_sign_in SET token_endpoint = 'http://127.0.0.1:" + server.getAddress().getPort() + "/token'");
                return step.get();
            } finally {
                server.stop(0);
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** An ID token that says all the right things, signed with a key of our own, which the provider does not publish. */
    private static String foreignToken(String issuer, String nonce) {
        try {
            var key = new com.nimbusds.jose.jwk.gen.RSAKeyGenerator(2048).keyID("foreign").generate();
            var claims = new com.nimbusds.jwt.JWTClaimsSet.Builder().issuer(issuer).subject("eve-3").audience("atelier").claim("nonce", nonce)
                    .claim("email", "forged@vidal.example").claim("email_verified", true).issueTime(java.util.Date.from(java.time.Instant.now()))
                    .expirationTime(java.util.Date.from(java.time.Instant.now().plusSeconds(3600))).build();
            var jwt = new com.nimbusds.jwt.SignedJWT(new com.nimbusds.jose.JWSHeader.Builder(com.nimbusds.jose.JWSAlgorithm.RS256).keyID("foreign").build(), claims);
            jwt.sign(new com.nimbusds.jose.crypto.RSASSASigner(key));
            return jwt.serialize();
        } catch (com.nimbusds.jose.JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    private long connect(Site site, Browser owner, long organisation) {
        var saved = owner.post("/organisations/" + organisation + "/sign-in", "issuer", provider.issuerUrl("company").toString(), "clientId", "atelier",
                "clientSecret", "s3cret", "domains", "vidal.example, Vidal.FR");
        assertEquals(302, saved.code(), () -> saved.body().string());
        return site.count("SELECT count(*) FROM company_sign_in");
    }

    @Test
    void someoneFromTheCompanySignsInWithItsProviderAndEveryForgedReturnIsRefused() {
        run(site -> {
            var owner = site.member("Claire Vidal");
            long organisation = site.organisation(owner, "Maison Vidal");
            assertEquals(1, connect(site, owner, organisation));
            assertEquals(",vidal.example,vidal.fr,", site.text("SELECT domains FROM company_sign_in"));

            next("eve-1", "eve@vidal.example", 3600);
            var eve = site.visitor();
            eve.get("/login");
            String callback = throughProvider(eve, "eve@vidal.example");
            var signedIn = eve.get(callback);
            assertEquals(302, signedIn.code(), () -> signedIn.body().string());
            assertTrue(eve.page("/account").contains("eve@vidal.example"), "signed in, with a verified account");
            assertEquals(1, site.count("SELECT count(*) FROM member WHERE email = 'eve@vidal.example' AND email_verified_at IS NOT NULL"));
            assertEquals(400, site.visitor().get(callback).code(), "the same code and state again");
            assertEquals(400, site.visitor().get("/login/company/callback?code=x&state=made-up").code(), "a state no sign-in started");
            assertEquals(400, site.visitor().get("/login/company/callback?code=x").code(), "no state");

            next("eve-1", "eve@vidal.example", 3600);
            var again = site.visitor();
            again.get("/login");
            assertEquals(302, again.get(throughProvider(again, "eve@vidal.example")).code(), "the linked subject signs in again");
            assertEquals(1, site.count("SELECT count(*) FROM member WHERE email = 'eve@vidal.example'"), "the same account");

            var late = site.visitor();
            late.get("/login");
            var lateBack = back(late, "late@vidal.example");
            var stale = provider.issueToken("company", "eve-2", "atelier", Map.of("email", "late@vidal.example", "email_verified", true, "nonce", lateBack.nonce()), -120);
            String tokenEndpoint = site.text("SELECT token_endpoint FROM company_sign_in");
            var expired = withTokenEndpoint(site, "{\"access_token\":\"a\",\"token_type\":\"Bearer\",\"expires_in\":3600,\"id_token\":\"" + stale.serialize() + "\"}",
                    () -> late.get(lateBack.path()));
            site.execute("UPDATE company_sign_in SET token_endpoint = '" + tokenEndpoint + "'");
            assertEquals(403, expired.code(), "an expired token");
            String why = expired.body().string();
            assertTrue(why.contains("does not hold"), why);

            var forged = site.visitor();
            forged.get("/login");
            var forgedBack = back(forged, "forged@vidal.example");
            String foreign = foreignToken(provider.issuerUrl("company").toString(), forgedBack.nonce());
            var refusedForged = withTokenEndpoint(site, "{\"access_token\":\"a\",\"token_type\":\"Bearer\",\"expires_in\":3600,\"id_token\":\"" + foreign + "\"}",
                    () -> forged.get(forgedBack.path()));
            assertEquals(403, refusedForged.code(), "a token signed with a key the provider does not publish");
            assertEquals(0, site.count("SELECT count(*) FROM member WHERE email IN ('late@vidal.example', 'forged@vidal.example')"), "no account from a refused token");

            var nobody = site.visitor();
            nobody.get("/login");
            var unknown = nobody.post("/login/company", "companyEmail", "someone@elsewhere.example");
            assertEquals(422, unknown.code());
            assertTrue(unknown.body().string().contains("sign in with your password"));
        });
    }

    @Test
    void anExistingAccountIsLinkedOnceItsPasswordIsGiven() {
        run(site -> {
            var owner = site.member("Claire Vidal");
            long organisation = site.organisation(owner, "Maison Vidal");
            connect(site, owner, organisation);
            var eve = site.signUp("Eve Adams", "eve@vidal.example");
            next("eve-1", "eve@vidal.example", 3600);
            var browser = site.visitor();
            browser.get("/login");
            var asked = browser.get(throughProvider(browser, "eve@vidal.example"));
            assertEquals(200, asked.code());
            String page = asked.body().string();
            assertTrue(page.contains("Give its password once"), page);
            String state = page.replaceAll("(?s).*name=\"state\" value=\"([^\"]+)\".*", "$1");
            assertEquals(422, browser.post("/login/company/link", "state", state, "password", "wrong").code(), "the account's password, or nothing");
            assertEquals(0, site.count("SELECT count(*) FROM company_identity"));
            assertEquals(400, browser.post("/login/company/link", "state", "made-up", "password", Site.PASSWORD).code());
            assertEquals(302, browser.post("/login/company/link", "state", state, "password", Site.PASSWORD).code());
            assertEquals(eve.memberId, site.count("SELECT member_id FROM company_identity WHERE subject = 'eve-1'"));
            assertTrue(browser.page("/account").contains("eve@vidal.example"));
        });
    }

    @Test
    void theOwnersFormRefusesAnIssuerThatDoesNotAnswerAndBadDomains() {
        run(site -> {
            var owner = site.member("Claire Vidal");
            long organisation = site.organisation(owner, "Maison Vidal");
            String form = "/organisations/" + organisation + "/sign-in";
            String issuer = provider.issuerUrl("company").toString();
            String[][] refused = {
                {"http://127.0.0.1:1/nothing", "atelier", "s", "vidal.example", "issuer"},
                {"not an address", "atelier", "s", "vidal.example", "issuer"},
                {"", "atelier", "s", "vidal.example", "issuer"},
                {issuer, "", "s", "vidal.example", "clientId"},
                {issuer, "atelier", "", "vidal.example", "clientSecret"},
                {issuer, "atelier", "s", "", "domains"},
                {issuer, "atelier", "s", "not a domain", "domains"},
                {issuer, "atelier", "s", "<script>alert(1)</script>", "domains"},
                {issuer, "x".repeat(201), "s", "vidal.example", "clientId"},
            };
            for (String[] bad : refused) {
                var answer = owner.post(form, "issuer", bad[0], "clientId", bad[1], "clientSecret", bad[2], "domains", bad[3]);
                assertEquals(422, answer.code(), String.join(" ", bad));
                String page = answer.body().string();
                assertTrue(page.contains("id=\"" + bad[4] + "-error\""), String.join(" ", bad));
                assertTrue(!page.contains("<script>alert(1)"), "shown escaped");
            }
            assertEquals(403, owner.postRaw(form, "issuer", issuer, "clientId", "atelier", "clientSecret", "s", "domains", "vidal.example").code(), "no form token");
            var manager = site.member("Marc Vidal");
            site.staff(owner, organisation, manager, "MANAGER");
            assertEquals(403, manager.get(form).code(), "the owner alone connects it");
            assertEquals(0, site.count("SELECT count(*) FROM company_sign_in"), "nothing saved");

            var other = site.member("Tom Dubois");
            long altitude = site.organisation(other, "Cycles Altitude");
            connect(site, owner, organisation);
            var claimed = other.post("/organisations/" + altitude + "/sign-in", "issuer", issuer, "clientId", "c", "clientSecret", "s", "domains", "vidal.example");
            assertEquals(422, claimed.code(), "a domain another organisation's provider vouches for");
        });
    }
}
