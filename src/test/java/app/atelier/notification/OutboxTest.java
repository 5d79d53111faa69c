package app.atelier.notification;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.atelier.App;
import app.atelier.Config;
import app.atelier.support.Site;
import app.atelier.support.TestClock;
import app.atelier.support.TestDatabase;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.SendFailedException;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** Invitations that cannot flood anyone, addresses refused for good, and an outbox that never shows a live link. */
class OutboxTest {
    @RegisterExtension
    static GreenMailExtension mailServer = new GreenMailExtension(ServerSetupTest.SMTP);

    @TempDir
    Path dir;

    private Config config() {
        return TestDatabase.config(dir).withSmtp("127.0.0.1", ServerSetupTest.SMTP.getPort()).withAdmins("admin@example.test").withLimits(100, 100, 3);
    }

    @Test
    void invitationsGoToOneValidAddressEachAndAFewADay() {
        Site.run(config(), new TestClock(Site.START), site -> {
            var owner = site.member("Claire Vidal");
            long org = site.organisation(owner, "Maison Vidal");
            String invitations = "/organisations/" + org + "/invitations";
            for (String bad : new String[] {"a@example.test, b@example.test", "a@example.test b@example.test", "a@example.test;b@example.test",
                    "not an address", "", "x".repeat(250) + "@example.test"}) {
                var refused = owner.post(invitations, "email", bad);
                assertEquals(422, refused.code(), bad);
            }
            assertTrue(owner.post(invitations, "email", "a@example.test, b@example.test").body().string().contains("One email address, please"));
            assertEquals(0, site.count("SELECT count(*) FROM community_invitation"));
            for (int i = 0; i < 3; i++) assertEquals(200, owner.post(invitations, "email", "guest" + i + "@example.test").code());
            assertEquals(429, owner.post(invitations, "email", "guest3@example.test").code(), "three a day here");
            assertEquals(3, site.count("SELECT count(*) FROM community_invitation"));
            site.clock.advance(Duration.ofDays(1).plusMinutes(1));
            assertEquals(200, owner.post(invitations, "email", "guest3@example.test").code(), "and three more the next day");
        });
    }

    @Test
    void theAdminOutboxMasksEveryLinkThatOpensSomething() {
        Site.run(config(), new TestClock(Site.START), site -> {
            var admin = site.signUp("Ada Admin", "admin@example.test");
            site.verify(admin);
            var owner = site.member("Claire Vidal");
            long org = site.organisation(owner, "Maison Vidal");
            owner.post("/organisations/" + org + "/invitations", "email", "guest@example.test");
            site.visitor().post("/password/forgot", "email", site.email(owner));
            site.member("Bob Stone");
            String outbox = admin.page("/admin/outbox");
            for (String prefix : new String[] {"/invitations/", "/verify/", "/password/reset/"}) {
                String live = site.text("SELECT body FROM outbox WHERE body LIKE ? ORDER BY id DESC LIMIT 1", "%" + prefix + "%");
                String token = live.substring(live.indexOf(prefix) + prefix.length()).split("\\s", -1)[0];
                assertTrue(token.length() > 20);
                assertFalse(outbox.contains(token), prefix + " token shown to the admin");
                assertTrue(outbox.contains(prefix + "…"), prefix);
            }
        });
    }

    @Test
    void withNoMailServerEachEmailIsWrittenToTheLogOnceWithItsLinks() {
        var plain = TestDatabase.config(dir);
        Site.run(plain, new TestClock(Site.START), site -> {
            var eve = site.signUp("Eve Adams", "eve@example.test");
            var written = new ArrayList<String>();
            assertEquals(1, (int) site.withDatabase(db -> new MailSender(db, site.clock, plain.smtp(), (m, u, p) -> {
                throw new AssertionError("nothing is sent");
            }, written::add).deliver()));
            assertEquals(1, written.size());
            String block = written.get(0);
            String link = site.emailedLink("eve@example.test", "/verify/");
            assertTrue(block.contains("To:      eve@example.test") && block.contains("Subject: ") && block.contains("Link:    http://localhost" + link), block);
            assertEquals(0, (int) site.withDatabase(db -> new MailSender(db, site.clock, plain.smtp(), (m, u, p) -> { }, written::add).deliver()),
                    "each email once");
            assertEquals(1, site.count("SELECT count(*) FROM outbox WHERE sent_at IS NULL"), "the outbox keeps it, unsent");
            assertEquals(200, eve.get(link).code(), "the link from the log verifies the address");
        });
    }

    @Test
    void anAddressTheServerRefusesForGoodIsNotTriedAgain() throws Exception {
        Site.run(config(), new TestClock(Site.START), site -> {
            site.execute("INSERT INTO outbox (to_address, subject, body, created_at, next_attempt_at) VALUES ('two@@example..test', 's', 'b', 0, 0)");
            var config = config();
            int sent = site.withDatabase(db -> new MailSender(db, site.clock, config.smtp()).deliver());
            assertEquals(0, sent);
            assertEquals(1, site.count("SELECT count(*) FROM outbox WHERE failed_at IS NOT NULL"));
            site.clock.advance(Duration.ofDays(1));
            site.withDatabase(db -> new MailSender(db, site.clock, config.smtp()).deliver());
            assertEquals(1, site.count("SELECT attempts FROM outbox"), "never tried again");
            var admin = site.signUp("Ada Admin", "admin@example.test");
            site.verify(admin);
            assertTrue(admin.page("/admin/outbox").contains("Refused for good"));
        });
        var rejected = new SendFailedException("refused", new SMTPAddressFailedException(new InternetAddress("x@example.test"), "RCPT", 550, "no such user"));
        assertTrue(MailSender.refusedForGood(rejected), "5xx: the address does not exist");
        var busy = new SendFailedException("later", new SMTPAddressFailedException(new InternetAddress("x@example.test"), "RCPT", 450, "mailbox busy"));
        assertFalse(MailSender.refusedForGood(busy), "4xx: try again later");
        assertTrue(MailSender.refusedForGood(new AddressException("bad")));
    }

    /** A session's invitation reaches the mail server as a text/calendar part beside the words, which calendars offer to add. */
    @Test
    void aCalendarInvitationTravelsAsATextCalendarPart() throws Exception {
        Site.run(config(), new TestClock(Site.START), site -> {
            var owner = site.member("Claire Vidal");
            long organisation = site.organisation(owner, "Maison Vidal");
            site.deposit(site.admin(), organisation, "100");
            var expert = site.member("Sam Expert");
            assertEquals(302, expert.post("/expert", "perMinute", "1.50", "freeMinutes", "10", "open", "yes").code());
            assertEquals(302, owner.post("/members/" + expert.memberId + "/book", "bookingKey", Site.formKey(), "organisationId", String.valueOf(organisation),
                    "day", "2026-03-03", "time", "14:00", "minutes", "30", "topic", "Review our lid").code());
            App.runJob(site.app, "mail.deliver");
        });
        var invitations = new ArrayList<String>();
        for (var message : mailServer.getReceivedMessages()) {
            if (message.getContent() instanceof jakarta.mail.Multipart parts) {
                for (int i = 0; i < parts.getCount(); i++) {
                    if (parts.getBodyPart(i).getContentType().startsWith("text/calendar")) invitations.add(parts.getBodyPart(i).getContentType());
                }
            }
        }
        assertEquals(2, invitations.size(), "one to each side");
        assertTrue(invitations.get(0).contains("method=REQUEST"), invitations.get(0));
    }
}
