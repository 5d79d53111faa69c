package app.atelier.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import app.atelier.Config;
import app.atelier.support.Browser;
import app.atelier.support.Browser.FilePart;
import app.atelier.support.Drawn;
import app.atelier.support.Site;
import app.atelier.support.TestClock;
import app.atelier.support.TestDatabase;
import java.io.IOException;
import java.net.Inet4Address;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a private challenge's pictures, personal pages, sessions at rest and the listening address give away: nothing. */
class PrivatePicturesAndHeadersTest {
    @TempDir
    Path dir;

    private static FilePart cover() {
        return new FilePart("picture", "cover.png", "image/png", Drawn.image("png", 600, 250));
    }

    @Test
    void aPrivateChallengesCoverIsForThoseWhoMayOpenItAndCachedByNobodyElse() {
        Site.run(dir, site -> {
            var owner = site.member("Claire Vidal");
            long org = site.organisation(owner, "Maison Vidal");
            long secret = challengeWithCover(site, owner, org, "Secret pan", "PRIVATE");
            long open = challengeWithCover(site, owner, org, "Open pan", "PUBLIC");
            String secretCover = "/pictures/" + site.text("SELECT cover FROM challenge WHERE id = ?", secret);
            String openCover = "/pictures/" + site.text("SELECT cover FROM challenge WHERE id = ?", open);

            var seen = owner.get(secretCover);
            assertEquals(200, seen.code(), "the staff see it");
            assertEquals("private, max-age=86400", seen.headers().get("Cache-Control").get(0));
            assertEquals(200, owner.get(secretCover + "/small").code());
            for (Browser outsider : List.of(site.visitor(), site.member("Bob Stone"))) {
                int refused = outsider.get(secretCover).code();
                assertTrue(refused == 403 || refused == 302, "refused as the challenge is: " + refused);
                assertNotEquals(200, outsider.get(secretCover + "/small").code());
            }
            var everyone = site.visitor().get(openCover);
            assertEquals(200, everyone.code());
            assertEquals("public, max-age=31536000, immutable", everyone.headers().get("Cache-Control").get(0));
        });
    }

    private static long challengeWithCover(Site site, Browser owner, long org, String title, String visibility) {
        var created = owner.postFiles("/organisations/" + org + "/challenges", List.of(cover()), "title", title, "brief", "Tell us.",
                "stage", "IDEA_GENERATION", "mode", "COMMUNITY", "kinds", "IDEA", "visibility", visibility);
        assertEquals(302, created.code());
        long id = Site.idFrom(created);
        assertEquals(302, site.move(owner, id, "OPEN").code());
        return id;
    }

    @Test
    void personalPagesAreKeptByNoCacheAndHttpsIsRemembered() {
        Site.run(dir.resolve("https"), site -> assertNull(site.visitor().get("/").headers().get("Strict-Transport-Security"), "not over plain http"));
        var https = TestDatabase.config(dir.resolve("https")).withBaseUrl("https://atelier.example");
        Site.run(https, new TestClock(Site.START), site -> assertEquals("max-age=31536000", site.visitor().get("/").headers().get("Strict-Transport-Security").get(0)));
        Site.run(dir, site -> {
            assertNull(site.visitor().get("/").headers().get("Cache-Control"), "a visitor's page may be cached");
            var scene = site.openChallenge("A lighter pan");
            long org = site.count("SELECT organisation_id FROM challenge WHERE id = ?", scene.challenge());
            for (String page : List.of("/account", "/account/export", "/organisations/" + org + "/dashboard", "/challenges/" + scene.challenge(), "/")) {
                var answer = scene.owner().get(page);
                assertEquals(200, answer.code(), page);
                assertEquals("no-store", answer.headers().get("Cache-Control").get(0), page);
            }
        });
    }

    @Test
    void aSessionRowHoldsNoIdThatSignsAnyoneIn() {
        Site.run(dir, site -> {
            var grace = site.member("Grace Hopper");
            String cookie = grace.cookie("atelier_session");
            String stored = site.text("SELECT id FROM web_session WHERE member_id = ?", grace.memberId);
            assertNotEquals(cookie, stored);
            assertEquals(Tokens.hash(cookie), stored, "a hash of the id, as reset links are kept");
            var thief = site.visitor().withCookie("atelier_session", stored);
            assertEquals(302, thief.get("/account").code(), "what the database holds signs nobody in");
            assertEquals(200, grace.get("/account").code(), "the cookie itself still does");
        });
    }

    @Test
    void theServerListensOnTheAddressItIsGiven() throws Exception {
        assertEquals("127.0.0.1", Config.fromEnvironment(Map.of("ATELIER_HOST", "127.0.0.1")).operations().host());
        assertNull(Config.fromEnvironment(Map.of()).operations().host(), "every address unless said, as containers need");
        var config = TestDatabase.config(dir).withOperations(new Config.Operations("127.0.0.1", Duration.ZERO, 512, 0, false));
        Site.run(config, new TestClock(Site.START), site -> {
            assertEquals(200, site.visitor().get("/health").code());
            var other = NetworkInterface.networkInterfaces().flatMap(NetworkInterface::inetAddresses)
                    .filter(a -> a instanceof Inet4Address && !a.isLoopbackAddress()).findFirst();
            assumeTrue(other.isPresent(), "this machine has no address but loopback");
            try (var socket = new Socket()) {
                socket.connect(new InetSocketAddress(other.get(), site.app.port()), 2_000);
                throw new AssertionError("answered on " + other.get());
            } catch (IOException refused) {
                assertFalse(refused.getMessage() == null, "refused: " + refused);
            }
        });
    }
}
