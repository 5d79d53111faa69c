package app.atelier.account;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.atelier.Config;
import app.atelier.support.Browser;
import app.atelier.support.Site;
import app.atelier.support.TestClock;
import app.atelier.support.TestDatabase;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AccountRoutesTest {
    @TempDir
    Path dir;

    @Test
    void signUpSignsInWithAFreshSessionAndSecureCookies() {
        assertEquals(Config.Hashing.REAL, Config.fromEnvironment(java.util.Map.of()).hashing(), "production hashes at the real cost");
        Site.run(TestDatabase.config(dir).withHashing(Config.Hashing.REAL), new TestClock(Site.START), site -> {
            var browser = site.visitor();
            browser.get("/signup");
            assertNull(browser.cookie("atelier_session"), "a visitor's form needs no session");
            assertNotNull(browser.cookie("atelier_form"), "its token travels in a signed cookie");
            assertEquals(0, site.count("SELECT count(*) FROM web_session"));
            var response = browser.post("/signup", "name", "Ada Lovelace", "email", "Ada@Example.test", "password", Site.PASSWORD);
            assertEquals(302, response.code());
            String setCookie = String.join(";", response.headers().get("Set-Cookie"));
            assertTrue(setCookie.contains("HttpOnly"), setCookie);
            assertTrue(setCookie.contains("SameSite=Lax"), setCookie);
            assertNotNull(browser.cookie("atelier_session"), "a session at sign-in");
            assertTrue(browser.page("/").contains("Ada Lovelace"));
            assertEquals(1, site.count("SELECT count(*) FROM web_session"));
            assertTrue(site.text("SELECT password_hash FROM member").startsWith("$argon2id$v=19$m=19456,t=2,p=1$"), "argon2id, 19 MiB, 2 passes");
        });
    }

    @Test
    void signUpRefusesBadInputAndKeepsWhatWasTyped() {
        Site.run(dir, site -> {
            site.signUp("Grace Hopper", "grace@example.test");
            var browser = site.visitor();
            browser.get("/signup");
            String csrf = browser.csrf();
            record Case(String name, String email, String password, String message) {
            }
            var cases = java.util.List.of(
                    new Case("", "new@example.test", Site.PASSWORD, "Please fill this in."),
                    new Case("N".repeat(101), "new@example.test", Site.PASSWORD, "At most 100 characters"),
                    new Case("New Person", "not-an-email", Site.PASSWORD, "does not look like an email"),
                    new Case("New Person", "new@example.test", "short", "At least 12 characters"),
                    new Case("New Person", "new@example.test", "p".repeat(129), "At most 128 characters"));
            for (var c : cases) {
                var response = browser.postRaw("/signup", "csrf", csrf, "name", c.name(), "email", c.email(), "password", c.password());
                String page = response.body().string();
                assertEquals(422, response.code(), c.toString());
                assertTrue(page.contains(c.message()), c.message() + " in " + c);
                assertTrue(page.contains("value=\"" + c.email() + "\""), "keeps the email typed");
                assertFalse(page.contains(c.password()) && c.password().length() > 5, "never shows the password again");
            }
            assertEquals(1, site.count("SELECT count(*) FROM member"));
        });
    }

    @Test
    void formsWithoutTheRightTokenAreRefused() {
        Site.run(dir, site -> {
            var browser = site.visitor();
            browser.get("/signup");
            assertEquals(403, browser.postRaw("/signup", "name", "X Y", "email", "x@example.test", "password", Site.PASSWORD).code());
            var wrong = browser.postRaw("/signup", "csrf", "forged", "name", "X Y", "email", "x@example.test", "password", Site.PASSWORD);
            assertEquals(403, wrong.code());
            assertTrue(wrong.body().string().contains("This form has expired"));
            assertEquals(403, site.visitor().postRaw("/login", "email", "x@example.test", "password", Site.PASSWORD).code());
            assertEquals(0, site.count("SELECT count(*) FROM member"));
        });
    }

    @Test
    void logInWithAWrongPasswordGetsOneGenericMessage() {
        Site.run(dir, site -> {
            site.signUp("Grace Hopper", "grace@example.test");
            var browser = site.visitor();
            browser.get("/login");
            var wrongPassword = browser.post("/login", "email", "grace@example.test", "password", "not the password");
            var unknownEmail = browser.post("/login", "email", "nobody@example.test", "password", "not the password");
            assertEquals(422, wrongPassword.code());
            assertTrue(wrongPassword.body().string().contains("Wrong email or password."));
            assertTrue(unknownEmail.body().string().contains("Wrong email or password."));
            var ok = browser.post("/login", "email", "GRACE@example.test", "password", Site.PASSWORD, "next", "/members/1");
            assertEquals("/members/1", Site.location(ok));
        });
    }

    @Test
    void repeatedFailuresAreSlowedDown() {
        Site.run(dir, site -> {
            site.signUp("Grace Hopper", "grace@example.test");
            var attacker = site.visitor();
            for (int i = 0; i < 5; i++) assertEquals(422, attacker.post("/login", "email", "grace@example.test", "password", "guess number " + i).code());
            var slowed = attacker.post("/login", "email", "grace@example.test", "password", Site.PASSWORD);
            assertEquals(429, slowed.code());
            assertFalse(slowed.headers().get("Retry-After").isEmpty());
            site.clock.advance(java.time.Duration.ofSeconds(2));
            assertEquals(302, attacker.post("/login", "email", "grace@example.test", "password", Site.PASSWORD).code());
        });
    }

    @Test
    void signOutEndsTheSession() {
        Site.run(dir, site -> {
            var grace = site.member("Grace Hopper");
            assertEquals(302, grace.post("/logout").code());
            assertEquals(0, site.count("SELECT count(*) FROM web_session WHERE member_id = ?", grace.memberId));
            assertEquals(302, grace.get("/account").code(), "signed out: the account page asks to sign in");
        });
    }

    @Test
    void nextNeverLeavesTheSite() {
        Site.run(dir, site -> {
            site.signUp("Grace Hopper", "grace@example.test");
            var browser = site.visitor();
            browser.get("/login");
            var response = browser.post("/login", "email", "grace@example.test", "password", Site.PASSWORD, "next", "//evil.example/");
            assertEquals("/", Site.location(response));
        });
    }

    @Test
    void profileShowsTheRealNameAndOnlyItsOwnerEditsIt() {
        Site.run(dir, site -> {
            var grace = site.member("Grace Hopper");
            var page = site.visitor().page("/members/" + grace.memberId);
            assertTrue(page.contains("Grace Hopper"));
            assertEquals(302, site.visitor().get("/account").code());
            assertEquals(302, grace.post("/account", "name", "Grace B. Hopper", "bio", "I <script>alert(1)</script> debug.").code());
            var updated = site.visitor().page("/members/" + grace.memberId);
            assertTrue(updated.contains("Grace B. Hopper"));
            assertTrue(updated.contains("&lt;script&gt;alert(1)&lt;/script&gt;"), "raw HTML is escaped");
            assertFalse(updated.contains("<script>alert"));
            var tooLong = grace.post("/account", "name", "", "bio", "b".repeat(2001));
            assertEquals(422, tooLong.code());
            assertTrue(tooLong.body().string().contains("At most 2,000 characters"));
            assertEquals(404, site.visitor().get("/members/999").code());
            assertEquals(404, site.visitor().get("/members/abc").code());
        });
    }

    @Test
    void theLanguageFollowsTheChoiceThenTheBrowserThenFrench() {
        Site.run(dir, site -> {
            assertTrue(new Browser(site.app, null).page("/").contains("lang=\"fr\""), "French by default");
            assertTrue(new Browser(site.app, "de-DE,en;q=0.5").page("/").contains("lang=\"en\""), "else the browser's");
            var visitor = new Browser(site.app, "fr-FR");
            assertTrue(visitor.page("/").contains("Défis ouverts"));
            assertEquals("/challenges", Site.location(visitor.get("/language/en?back=/challenges")));
            assertTrue(visitor.page("/").contains("Open challenges"));
            assertEquals("/", Site.location(visitor.get("/language/en?back=https://evil.example")));
        });
    }
}
