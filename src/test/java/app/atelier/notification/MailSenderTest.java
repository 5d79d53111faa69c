package app.atelier.notification;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.argThat;
import static org.mockito.Mockito.doNothing;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;

import app.atelier.Config;
import app.atelier.db.Database;
import app.atelier.support.Site;
import app.atelier.support.TestClock;
import app.atelier.support.TestDatabase;
import app.atelier.web.Text;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The outbox when the mail server drops the connection in the middle of a batch: a real SMTP server cannot fail at
 * a chosen message, so a stand-in for the hand-over does, and the database is the real one.
 */
class MailSenderTest {
    @TempDir
    Path dir;

    private static MimeMessage to(String address) {
        return argThat(m -> {
            try {
                return m != null && m.getAllRecipients()[0].toString().equals(address);
            } catch (MessagingException e) {
                return false;
            }
        });
    }

    @Test
    void aMessageTheServerDropsIsTriedAgainLaterAndTheOthersGoOut() throws Exception {
        var clock = new TestClock(Site.START);
        try (var db = Database.open(TestDatabase.url(dir))) {
            var notifier = new Notifier("http://localhost", Config.HOME_ZONE);
            db.execute(h -> {
                for (String who : new String[] {"a", "b", "c"}) {
                    notifier.email(h, who + "@example.test", Text.of(Text.FRENCH, Config.HOME_ZONE), "email.invitation", "/invitations/x", clock.instant(), "Claire", "Maison");
                }
            });
            var postman = mock(MailSender.Postman.class);
            doNothing().when(postman).send(any(), any(), any());
            doThrow(new MessagingException("connection reset")).when(postman).send(to("b@example.test"), any(), any());
            var sender = new MailSender(db, clock, new MailSender.Smtp("smtp.example.test", 25, "", "", "atelier@example.test"), postman, line -> { });

            assertEquals(2, sender.deliver(), "a and c go out though b failed between them");
            assertEquals(1L, (long) db.read(h -> h.createQuery("SELECT count(*) FROM outbox WHERE sent_at IS NULL AND attempts = 1").mapTo(Long.class).one()));
            assertEquals(0, sender.deliver(), "b waits for its back-off");

            doNothing().when(postman).send(to("b@example.test"), any(), any());
            clock.advance(Duration.ofMinutes(3));
            assertEquals(1, sender.deliver(), "then b goes out, once");
            assertEquals(0, sender.deliver());
            verify(postman, times(2)).send(to("b@example.test"), any(), any());
            verify(postman, times(1)).send(to("a@example.test"), any(), any());
        }
    }
}
