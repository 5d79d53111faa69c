package app.atelier.account;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.atelier.support.Browser;
import app.atelier.support.Site;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Verified addresses, forgotten passwords, changes of password and address, and sessions ended on demand. */
class AddressAndRecoveryTest {
    private static final String NEW_PASSWORD = "a brand new sentence";

    @TempDir
    Path dir;

    private static String signIn(Browser browser, String email, String password) {
        browser.get("/login");
        var response = browser.post("/login", "email", email, "password", password);
        return response.code() + " " + (response.code() == 302 ? Site.location(response) : "");
    }

    @Test
    void theVerificationLinkIsSingleUseAndExpiresAfterTwoDays() {
        Site.run(dir, site -> {
            var eve = site.member("Eve Adams");
            String link = site.emailedLink(site.email(eve), "/verify/");
            assertEquals(1, site.count("SELECT count(*) FROM account_token WHERE token_hash <> ?", link.substring(8)), "kept as a hash only");
            assertTrue(eve.page("/account").contains("is not verified yet"));
            assertTrue(site.visitor().page(link).contains("Confirm my address"), "the page asks before the link is used");
            assertEquals(302, eve.post(link).code());
            assertTrue(eve.page("/account?verified").contains("Your address is verified"));
            assertEquals(409, eve.post(link).code(), "used once");

            var bob = site.member("Bob Stone");
            String late = site.emailedLink(site.email(bob), "/verify/");
            site.clock.advance(Duration.ofHours(49));
            assertTrue(bob.page(late).contains("This link has expired or has already been used"), "said before any click");
            assertEquals(409, bob.post(late).code());
            assertEquals(0, site.count("SELECT count(*) FROM member WHERE id = ? AND email_verified_at IS NOT NULL", bob.memberId));
            for (int i = 0; i < 3; i++) assertEquals(302, bob.post("/account/verify").code());
            assertEquals(429, bob.post("/account/verify").code(), "a few new links an hour");
            site.verify(bob);
            assertEquals(0, site.count("SELECT count(*) FROM account_token WHERE member_id = ? AND used_at IS NULL", bob.memberId),
                    "one link used, the others serve no more");
        });
    }

    @Test
    void aForgottenPasswordGetsTheSameAnswerForAnyAddressAndTheResetEndsEveryOtherSession() {
        Site.run(dir, site -> {
            var eve = site.member("Eve Adams");
            String email = site.email(eve);
            var laptop = site.visitor();
            assertEquals("302 /", signIn(laptop, email, Site.PASSWORD));
            var stranger = site.visitor();
            stranger.get("/password/forgot");
            var known = stranger.post("/password/forgot", "email", email.toUpperCase(Locale.ROOT));
            var unknown = stranger.post("/password/forgot", "email", "nobody@example.test");
            assertEquals(Site.location(known), Site.location(unknown), "the same answer either way");
            assertEquals(0, site.count("SELECT count(*) FROM outbox WHERE to_address = 'nobody@example.test'"));
            assertEquals(422, stranger.post("/password/forgot", "email", "").code());

            var phone = site.visitor();
            String link = site.emailedLink(email, "/password/reset/");
            assertTrue(phone.page(link).contains("Choose a new password"));
            var tooShort = phone.post(link, "password", "short");
            assertEquals(422, tooShort.code());
            assertTrue(tooShort.body().string().contains("At least 12 characters"));
            assertEquals(302, phone.post(link, "password", NEW_PASSWORD).code());
            assertTrue(phone.page("/account?reset").contains("Eve Adams"), "signed in by the reset");
            assertTrue(Site.location(eve.get("/account")).startsWith("/login"), "every other session ended");
            assertTrue(Site.location(laptop.get("/account")).startsWith("/login"));
            assertEquals(409, phone.post(link, "password", "yet another sentence").code(), "a link resets once");
            assertEquals("422 ", signIn(site.visitor(), email, Site.PASSWORD));
            assertEquals("302 /", signIn(site.visitor(), email, NEW_PASSWORD));

            stranger.post("/password/forgot", "email", email);
            String late = site.emailedLink(email, "/password/reset/");
            site.clock.advance(Duration.ofMinutes(61));
            assertTrue(site.visitor().page(late).contains("This link has expired"));
        });
    }

    @Test
    void changingThePasswordOrTheAddressAsksForThePasswordAndTheNewAddressIsVerifiedFirst() {
        Site.run(dir, site -> {
            var eve = site.member("Eve Adams");
            String email = site.email(eve);
            var other = site.visitor();
            signIn(other, email, Site.PASSWORD);

            var wrong = eve.post("/account/password", "current", "not my password", "password", NEW_PASSWORD);
            assertEquals(422, wrong.code());
            assertTrue(wrong.body().string().contains("This is not your password"));
            assertEquals(422, eve.post("/account/password", "current", Site.PASSWORD, "password", "short").code());
            assertEquals(302, eve.post("/account/password", "current", Site.PASSWORD, "password", NEW_PASSWORD).code());
            assertTrue(Site.location(other.get("/account")).startsWith("/login"), "other sessions end with the old password");
            assertTrue(eve.page("/account").contains("Eve Adams"), "this one stays");

            assertEquals(422, eve.post("/account/email", "email", "eve@new.test", "emailPassword", Site.PASSWORD).code());
            var badAddress = eve.post("/account/email", "email", "not an address", "emailPassword", NEW_PASSWORD);
            assertEquals(422, badAddress.code());
            assertTrue(badAddress.body().string().contains("not an address"), "what was typed is kept");
            assertEquals(302, eve.post("/account/email", "email", "eve@new.test", "emailPassword", NEW_PASSWORD).code());
            assertEquals(email, site.email(eve), "nothing changes before the new address is verified");
            assertTrue(site.text("SELECT body FROM outbox WHERE to_address = ? ORDER BY id DESC LIMIT 1", email).contains("eve@new.test"),
                    "the current address is told");
            assertEquals(302, eve.post(site.emailedLink("eve@new.test", "/verify/")).code());
            assertEquals("eve@new.test", site.email(eve));
            assertEquals("302 /", signIn(site.visitor(), "eve@new.test", NEW_PASSWORD));
        });
    }

    @Test
    void signingOutEverywhereElseEndsEveryOtherSession() {
        Site.run(dir, site -> {
            var eve = site.member("Eve Adams");
            var other = site.visitor();
            signIn(other, site.email(eve), Site.PASSWORD);
            assertEquals(302, eve.post("/account/sessions").code());
            assertTrue(Site.location(other.get("/account")).startsWith("/login"));
            assertTrue(eve.page("/account?sessions").contains("You are signed out everywhere else"));
            assertEquals(403, eve.postRaw("/account/sessions").code(), "not without the form's token");
        });
    }

    @Test
    void signingUpWithATakenAddressAnswersTheSameAndEmailsTheOwner() {
        Site.run(dir, site -> {
            site.signUp("Grace Hopper", "grace@example.test");
            var newcomer = site.visitor();
            newcomer.get("/signup?next=%2Fchallenges");
            var fresh = newcomer.post("/signup", "name", "Ada Lovelace", "email", "ada@example.test", "password", Site.PASSWORD, "next", "/challenges");
            var probe = site.visitor();
            probe.get("/signup?next=%2Fchallenges");
            var taken = probe.post("/signup", "name", "Someone Else", "email", "GRACE@example.test", "password", Site.PASSWORD, "next", "/challenges");
            assertEquals(fresh.code(), taken.code());
            assertEquals(Site.location(fresh), Site.location(taken));
            assertEquals(1, site.count("SELECT count(*) FROM member WHERE email_key = 'grace@example.test'"));
            assertTrue(site.text("SELECT subject FROM outbox WHERE to_address = 'grace@example.test' ORDER BY id DESC LIMIT 1")
                    .contains("Someone tried to join Atelier with your address"));

            var unknown = probe.post("/login", "email", "nobody@example.test", "password", Site.PASSWORD);
            var wrong = probe.post("/login", "email", "grace@example.test", "password", "not her password");
            assertEquals(422, unknown.code());
            assertEquals(422, wrong.code());
            assertTrue(unknown.body().string().contains("Wrong email or password") && wrong.body().string().contains("Wrong email or password"));
        });
    }

    @Test
    void deletingAnAccountReplacesTheNameInTheAuditLogAndTheLogRefusesAnyOtherChange() {
        Site.run(dir, site -> {
            var owner = site.member("Claire Vidal");
            long org = site.organisation(owner, "Maison Vidal");
            var eve = site.member("Eve Adams");
            site.joinCommunity(owner, org, eve);
            assertTrue(owner.page("/organisations/" + org + "/audit").contains("Eve Adams"));
            assertEquals(302, eve.post("/account/delete", "password", Site.PASSWORD).code());
            String log = owner.page("/organisations/" + org + "/audit");
            assertFalse(log.contains("Eve Adams"), "the name is gone");
            assertTrue(log.contains("former member"), "the entry stays");
            var refused = assertThrows(Exception.class,
                    () -> site.execute("UPDATE audit_log SET detail = 'rewritten'"));
            assertTrue(refused.getMessage().contains("never edited"));
        });
    }
}
