package app.atelier.account;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.atelier.Config;
import app.atelier.support.Browser;
import app.atelier.support.Site;
import app.atelier.support.Slow;
import app.atelier.support.TestClock;
import app.atelier.support.TestDatabase;
import io.javalin.testtools.Response;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Sign-in and sign-up when many ask at once, and a throttle that nobody can turn against a member. */
@Slow
class SignInUnderLoadTest {
    @TempDir
    Path dir;

    /** Sends the requests all at once and counts the answers by status. */
    private static Map<Integer, Long> atOnce(int count, Function<Integer, Response> request) throws Exception {
        var pool = Executors.newFixedThreadPool(count);
        var start = new CountDownLatch(1);
        try {
            List<Callable<Response>> calls = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                int n = i;
                calls.add(() -> {
                    start.await();
                    return request.apply(n);
                });
            }
            var futures = calls.stream().map(pool::submit).toList();
            start.countDown();
            var answers = new ArrayList<Response>();
            for (var f : futures) answers.add(f.get());
            for (var r : answers) {
                if (r.code() == 503) assertTrue(r.headers().get("Retry-After") != null, "a busy answer says when to come back");
            }
            return answers.stream().collect(Collectors.groupingBy(Response::code, Collectors.counting()));
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void fortySignUpsAndFortySignInsAtOnceGetAnAnswerAndNeverA500() {
        Site.run(TestDatabase.config(dir).withProxy().withHashing(Config.Hashing.REAL), new TestClock(Site.START), site -> {
            var newcomers = IntStream.range(0, 40).mapToObj(i -> {
                var b = Browser.at(site.app, "10.2.0." + i);
                b.get("/signup");
                return b;
            }).toList();
            var signUps = atOnce(40, i -> newcomers.get(i).post("/signup", "name", "Person " + i, "email", "p" + i + "@example.test",
                    "password", Site.PASSWORD));
            assertEquals(40, signUps.getOrDefault(302, 0L) + signUps.getOrDefault(503, 0L), signUps.toString());
            assertEquals(signUps.getOrDefault(302, 0L), site.count("SELECT count(*) FROM member WHERE email LIKE 'p%@example.test'"),
                    "every answered sign-up made its member, and no other");
            for (int i = 0; i < 40; i++) {
                if (site.count("SELECT count(*) FROM member WHERE email = ?", "p" + i + "@example.test") == 0) {
                    assertEquals(302, newcomers.get(i).post("/signup", "name", "Person " + i, "email", "p" + i + "@example.test",
                            "password", Site.PASSWORD).code(), "a turned-away sign-up succeeds when tried again");
                }
            }

            var browsers = IntStream.range(0, 40).mapToObj(i -> {
                var b = Browser.at(site.app, "10.1.0." + i);
                b.get("/login");
                return b;
            }).toList();
            var signIns = atOnce(40, i -> browsers.get(i).post("/login", "email", "p" + i + "@example.test", "password", Site.PASSWORD));
            assertEquals(40, signIns.getOrDefault(302, 0L) + signIns.getOrDefault(503, 0L), signIns.toString());
            assertTrue(signIns.getOrDefault(302, 0L) >= Passwords.AT_ONCE, "at least as many as hash at once get in: " + signIns);
        });
    }

    @Test
    void sixteenWrongPasswordsAtOnceAreAllCountedAndOnlyTheFreeOnesChecked() {
        Site.run(dir, site -> {
            var eve = site.member("Eve Adams");
            String email = site.email(eve);
            var attacker = site.visitor();
            attacker.get("/login");
            String csrf = attacker.csrf();
            var answers = atOnce(16, i -> attacker.postRaw("/login", "csrf", csrf, "email", email, "password", "wrong guess " + i));
            assertEquals(Map.of(422, (long) LoginThrottle.PAIR_FREE_FAILURES, 429, 16L - LoginThrottle.PAIR_FREE_FAILURES), answers,
                    "past the free failures, none is checked");
            assertEquals(LoginThrottle.PAIR_FREE_FAILURES, site.count("SELECT failures FROM login_failure WHERE throttle_key LIKE 'pair:%'"),
                    "each checked password counted");
        });
    }

    @Test
    void failuresFromAnotherAddressDoNotLockTheOwnerOut() {
        Site.run(TestDatabase.config(dir).withProxy(), new TestClock(Site.START), site -> {
            var eve = site.member("Eve Adams");
            String email = site.email(eve);
            var attacker = Browser.at(site.app, "203.0.113.66");
            attacker.get("/login");
            for (int i = 0; i < 10; i++) attacker.post("/login", "email", email, "password", "guess " + i);
            assertEquals(429, attacker.post("/login", "email", email, "password", "guess").code(), "the guesser waits");
            var owner = Browser.at(site.app, "198.51.100.7");
            owner.get("/login");
            assertEquals(302, owner.post("/login", "email", email, "password", Site.PASSWORD).code(), "the owner still gets in");

            var colleague = Browser.at(site.app, "203.0.113.66");
            var bob = site.member("Bob Stone");
            colleague.get("/login");
            assertEquals(302, colleague.post("/login", "email", site.email(bob), "password", Site.PASSWORD).code(),
                    "one member's failures do not lock out the others behind the same address");

            for (int address = 0; address < 12; address++) {
                var guesser = Browser.at(site.app, "192.0.2." + address);
                guesser.get("/login");
                for (int i = 0; i < 5; i++) guesser.post("/login", "email", email, "password", "guess " + i);
            }
            var locked = Browser.at(site.app, "198.51.100.7");
            locked.get("/login");
            var refused = locked.post("/login", "email", email, "password", Site.PASSWORD);
            assertEquals(429, refused.code(), "guesses from many places lock the account itself");
            assertTrue(refused.body().string().contains("href=\"/password/forgot\""), "with a way in that does not wait");
            locked.post("/password/forgot", "email", email);
            assertEquals(302, locked.post(site.emailedLink(email, "/password/reset/"), "password", "a fresh sentence here").code());
            var later = Browser.at(site.app, "198.51.100.7");
            later.get("/login");
            assertEquals(302, later.post("/login", "email", email, "password", "a fresh sentence here").code(), "the reset forgave the failures");
        });
    }
}
