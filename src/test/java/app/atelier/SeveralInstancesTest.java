package app.atelier;

import static org.junit.jupiter.api.Assertions.assertEquals;

import app.atelier.challenge.ChallengeService;
import app.atelier.db.Database;
import app.atelier.ledger.Ledger;
import app.atelier.notification.MailSender;
import app.atelier.notification.Notifier;
import app.atelier.reward.contest.ContestService;
import app.atelier.support.Html;
import app.atelier.support.Site;
import app.atelier.support.TestClock;
import app.atelier.support.TestDatabase;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import io.javalin.testtools.JavalinTest;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two instances of the app on one database, as behind a load balancer: on PostgreSQL when the suite runs against
 * it, and on one SQLite file otherwise. Each instance also runs its jobs, on its own connections; here the two
 * instances' jobs are started at the same moment, again and again, as their schedulers would on two machines.
 */
class SeveralInstancesTest {
    private static final int ROUNDS = 5;

    @RegisterExtension
    static GreenMailExtension mailServer = new GreenMailExtension(ServerSetupTest.SMTP);

    @TempDir
    Path dir;

    @Test
    void aSessionWorksOnEitherInstanceAndEachScheduledMoveAndEmailHappensOnce() {
        var config = TestDatabase.config(dir).withSmtp("127.0.0.1", ServerSetupTest.SMTP.getPort());
        var clock = new TestClock(Site.START);
        Site.run(config, clock, site -> JavalinTest.test(App.create(config, clock), (second, client) -> {
            var owner = site.member("Claire Vidal");
            var ownerThere = owner.on(second);
            assertEquals("/members/" + owner.memberId, Html.of(ownerThere.page("/")).link("a.me"), "signed in on the other instance too");
            long organisation = site.organisation(ownerThere, "Maison Vidal");
            long challenge = site.challenge(owner, organisation, "A lighter lid", "opensOn", "2026-03-03");
            for (int i = 0; i < 6; i++) site.member("Member " + i);

            clock.advance(Duration.ofDays(2));
            try (var first = Database.open(config.dbUrl()); var other = Database.open(config.dbUrl())) {
                var moves = bothAtOnce(first, other, db -> () -> challenges(db, clock).advanceByDates());
                assertEquals(1, moves.stream().mapToInt(Integer::intValue).sum(), "the challenge opened by one instance alone");
                assertEquals("OPEN", site.text("SELECT state FROM challenge WHERE id = ?", challenge));
                assertEquals(1, site.count("SELECT count(*) FROM challenge_announcement WHERE challenge_id = ?", challenge));

                bothAtOnce(first, other, db -> () -> new MailSender(db, clock, config.smtp()).deliver());
                assertEquals(0, site.count("SELECT count(*) FROM outbox WHERE digest = 0 AND sent_at IS NULL"), "every email sent by one or the other");
            }
            var received = mailServer.getReceivedMessages();
            assertEquals(site.count("SELECT count(*) FROM outbox WHERE sent_at IS NOT NULL"), received.length, "and received once");
            assertEquals(received.length, Arrays.stream(received).map(SeveralInstancesTest::messageId).distinct().count(), "no email twice");
            assertEquals(7, received.length, "a verification for each of the seven who signed up");
        }));
    }

    private static ChallengeService challenges(Database db, TestClock clock) {
        return new ChallengeService(db, clock, new Notifier("http://localhost", Config.HOME_ZONE), ContestService.funding(new Ledger(clock)));
    }

    /** Runs the job on both instances' databases at the same moment, {@value #ROUNDS} times; what each round returned. */
    private static List<Integer> bothAtOnce(Database first, Database other, Function<Database, Callable<Integer>> job) throws Exception {
        var pool = Executors.newFixedThreadPool(2);
        try {
            var results = new ArrayList<Integer>();
            for (int round = 0; round < ROUNDS; round++) {
                var start = new CountDownLatch(1);
                var runs = new ArrayList<Future<Integer>>();
                for (var db : List.of(first, other)) {
                    runs.add(pool.submit(() -> {
                        start.await();
                        return job.apply(db).call();
                    }));
                }
                start.countDown();
                for (var run : runs) results.add(run.get());
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }

    private static String messageId(MimeMessage message) {
        try {
            return message.getMessageID();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }
}
