package app.atelier.notification;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.atelier.Config;
import app.atelier.support.Browser;
import app.atelier.support.Html;
import app.atelier.support.Site;
import app.atelier.support.TestClock;
import app.atelier.support.TestDatabase;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

class NotificationRoutesTest {
    @RegisterExtension
    static GreenMailExtension mailServer = new GreenMailExtension(ServerSetupTest.SMTP);

    @TempDir
    Path dir;

    private Config config() {
        return TestDatabase.config(dir).withSmtp("127.0.0.1", ServerSetupTest.SMTP.getPort()).withAdmins("admin@example.test");
    }

    private static int deliver(Site site, Config config) {
        return site.withDatabase(db -> new MailSender(db, site.clock, config.smtp()).deliver());
    }

    /** Sends what signing up sent (the links that verify addresses) and empties the inboxes, so that what follows is counted alone. */
    private static void settle(Site site, Config config) throws Exception {
        deliver(site, config);
        mailServer.purgeEmailFromAllMailboxes();
    }

    @Test
    void membersHearOfRepliesCommentsResponsesDecisionsAndChallengesMovingOn() {
        Site.run(dir, site -> {
            var scene = site.openChallenge("A lighter pan");
            var eve = site.member("Eve Adams");
            var bob = site.member("Bob Stone");
            long id = site.contribute(eve, scene.challenge(), "Hollow handle");
            long bobs = site.comment(bob, id, "How hollow?", null);
            assertTrue(eve.page("/").contains("Notifications (1 new)"));
            site.comment(eve, id, "Half.", bobs);
            String bobsPage = bob.page("/notifications");
            assertTrue(bobsPage.contains("Eve Adams replied to your comment on “Hollow handle”"), bobsPage);
            assertFalse(bobsPage.contains("Eve Adams commented"), "a reply is told once, as a reply");
            scene.owner().post("/contributions/" + id + "/responses", "status", "SHORTLISTED", "body", "Short list!");
            assertTrue(eve.page("/notifications").contains("Claire Vidal answered “Hollow handle”: Shortlisted"));
            assertTrue(bob.page("/notifications").contains("answered “Hollow handle”"), "followers hear too");
            eve.post("/organisations/" + scene.organisation() + "/apply", "city", "Lyon", "country", "France", "ageRange", "25-34",
                    "occupation", "Cook", "productUse", "Daily", "skills", "cooking", "motivation", "Care");
            scene.owner().post("/organisations/" + scene.organisation() + "/community/" + eve.memberId + "/approve", "message", "Welcome");
            assertTrue(eve.page("/notifications").contains("Your application to Maison Vidal: Your application is waiting")
                    || eve.page("/notifications").contains("Your application to Maison Vidal: You are a member of this community."));
            site.move(scene.owner(), scene.challenge(), "VOTING");
            site.move(scene.owner(), scene.challenge(), "REVIEW");
            assertFalse(bob.page("/notifications").contains("moved on"), "not while it may move again");
            site.settleMoves();
            assertEquals(List.of("“A lighter pan” moved on: In review new just now"), Html.of(bob.page("/notifications")).texts("main li:contains(moved on)"),
                    "two quick moves make one notice, of where it ended");
            assertFalse(scene.owner().page("/notifications").contains("moved on"), "not told of one's own move");

            long first = site.count("SELECT max(id) FROM notification WHERE member_id = ?", eve.memberId);
            var opened = eve.get("/notifications/" + first);
            assertEquals(302, opened.code());
            assertTrue(Site.location(opened).startsWith("/"));
            assertEquals(404, bob.get("/notifications/" + first).code(), "someone else's notification");
            assertEquals(302, eve.post("/notifications/read").code());
            assertTrue(eve.page("/").contains(">Notifications<"));
            assertTrue(Site.location(site.visitor().get("/notifications")).startsWith("/login"));
        });
    }

    @Test
    void emailsGoOutOverSmtpInTheRecipientsLanguageAndOnlyOnce() {
        var config = config();
        Site.run(config, new TestClock(Site.START), site -> {
            var pan = site.openChallenge("A lighter pan");
            var eve = new Browser(site.app, "fr-FR");
            eve.get("/signup");
            eve.post("/signup", "name", "Eve Adams", "email", "eve@example.test", "password", Site.PASSWORD);
            var bob = site.member("Bob Stone");
            settle(site, config);
            long id = site.contribute(eve, pan.challenge(), "Poignée creuse");
            site.comment(bob, id, "Bien vu", null);
            assertEquals(1, site.count("SELECT count(*) FROM outbox WHERE to_address = 'eve@example.test' AND sent_at IS NULL"));
            assertEquals(1, deliver(site, config));
            var received = mailServer.getReceivedMessages();
            assertEquals(1, received.length);
            assertEquals("Nouveau commentaire sur « Poignée creuse »", received[0].getSubject());
            assertTrue(received[0].getContent().toString().contains("http://localhost/contributions/" + id + "?comment="));
            assertEquals(0, deliver(site, config), "sent once");
        });
        Site.run(config, new TestClock(Site.START), site -> {
            assertEquals(0, deliver(site, config), "nothing sent twice after a restart");
            assertEquals(1, mailServer.getReceivedMessages().length);
        });
    }

    @Test
    void aMailServerThatIsDownLosesNothingAndIsTriedAgainLater() {
        var config = config();
        Site.run(config, new TestClock(Site.START), site -> {
            var pan = site.openChallenge("A lighter pan");
            assertEquals(302, pan.owner().post("/account/notifications", "NEW_CONTRIBUTION", "OFF").code(), "only the contributors' emails here");
            var eve = site.member("Eve Adams");
            var bob = site.member("Bob Stone");
            settle(site, config);
            long id = site.contribute(eve, pan.challenge(), "Hollow handle");
            site.comment(bob, id, "Nice", null);
            mailServer.stop();
            assertEquals(0, deliver(site, config));
            assertEquals(1, site.count("SELECT attempts FROM outbox WHERE sent_at IS NULL"));
            assertEquals(0, deliver(site, config), "not due again before its back-off");
            site.clock.advance(Duration.ofMinutes(3));
            mailServer.start();
            assertEquals(1, deliver(site, config));
            assertEquals(1, mailServer.getReceivedMessages().length);
            assertEquals(0, site.count("SELECT count(*) FROM outbox WHERE sent_at IS NULL"));
        });
    }

    @Test
    void eachMemberChoosesEmailNowADailyDigestOrNone() {
        var config = config();
        Site.run(config, new TestClock(Site.START), site -> {
            var pan = site.openChallenge("A lighter pan");
            assertEquals(302, pan.owner().post("/account/notifications", "NEW_CONTRIBUTION", "OFF").code(), "only the contributors' emails here");
            var eve = site.member("Eve Adams");
            assertTrue(eve.page("/account/notifications").contains("Daily digest"));
            assertEquals(302, eve.post("/account/notifications", "COMMENT", "DIGEST", "RESPONSE", "OFF", "REPLY", "LOUD").code());
            assertEquals(403, eve.postRaw("/account/notifications", "COMMENT", "NOW").code());
            var bob = site.member("Bob Stone");
            var ada = site.member("Ada Lovelace");
            settle(site, config);
            long id = site.contribute(eve, pan.challenge(), "Hollow handle");
            site.comment(bob, id, "One", null);
            site.comment(ada, id, "Two", null);
            pan.owner().post("/contributions/" + id + "/responses", "status", "ACCEPTED", "body", "Yes");
            assertEquals(2, site.count("SELECT count(*) FROM outbox WHERE member_id = ? AND digest = 1", eve.memberId), "comments wait for the digest");
            assertEquals(0, site.count("SELECT count(*) FROM outbox WHERE member_id = ? AND digest = 0", eve.memberId), "responses are off");
            assertTrue(eve.page("/notifications").contains("answered"), "still told in the app");
            var grouped = Html.of(pan.owner().page("/notifications"));
            assertEquals(List.of("A lighter pan 1 new"), grouped.texts(".notification-group h2"), "grouped by challenge, the count labelled");
            int othersNow = deliver(site, config);
            site.clock.advance(Duration.ofHours(23));
            assertEquals(0, digests(site), "the news waits until it is a day old");
            site.clock.advance(Duration.ofHours(1));
            assertEquals(1, digests(site), "a day on, the digest goes");
            assertEquals(0, digests(site), "once");
            assertEquals(1, deliver(site, config));
            var received = mailServer.getReceivedMessages();
            assertEquals(othersNow + 1, received.length);
            var toEve = java.util.Arrays.stream(received).filter(m -> {
                try {
                    return m.getAllRecipients()[0].toString().equals("eve.adams2@example.test");
                } catch (jakarta.mail.MessagingException e) {
                    throw new IllegalStateException(e);
                }
            }).toList();
            assertEquals(1, toEve.size(), "Eve receives her digest and nothing else");
            assertEquals("Your day on Atelier: 2 pieces of news", toEve.get(0).getSubject());
            assertTrue(Site.location(site.visitor().get("/account/notifications")).startsWith("/login"));
        });
    }

    /** What the scheduler does every ten minutes. */
    private static int digests(Site site) {
        return site.withDatabase(db -> new NotificationService(db, site.clock, "http://localhost").makeDigests());
    }

    @Test
    void onlyPlatformAdminsReadTheOutbox() {
        Site.run(config(), new TestClock(Site.START), site -> {
            var admin = site.signUp("Ada Admin", "admin@example.test");
            assertEquals(403, admin.get("/admin/outbox").code(), "an admin's address counts once verified");
            site.verify(admin);
            var pan = site.openChallenge("A lighter pan");
            long id = site.contribute(site.member("Eve Adams"), pan.challenge(), "Hollow handle");
            site.comment(site.member("Bob Stone"), id, "Nice", null);
            String outbox = admin.page("/admin/outbox");
            assertTrue(outbox.contains("New comment on “Hollow handle”") && outbox.contains("Waiting"));
            for (Browser refused : List.of(pan.owner(), site.member("Carl Dunn"))) assertEquals(403, refused.get("/admin/outbox").code());
            assertTrue(Site.location(site.visitor().get("/admin/outbox")).startsWith("/login"));
        });
    }
}
