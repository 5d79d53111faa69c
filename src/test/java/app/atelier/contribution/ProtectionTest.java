package app.atelier.contribution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.atelier.support.Site;
import app.atelier.support.TestClock;
import app.atelier.support.TestDatabase;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProtectionTest {
    @TempDir
    Path dir;

    @Test
    void newMembersPostALittleOnTheirFirstDayAndAreToldWhy() {
        Site.run(dir, site -> {
            var pan = site.openChallenge("A lighter pan");
            site.clock.advance(Duration.ofDays(2));
            var eve = site.member("Eve Adams");
            long first = site.contribute(eve, pan.challenge(), "One");
            site.contribute(eve, pan.challenge(), "Two");
            site.contribute(eve, pan.challenge(), "Three");
            var fourth = eve.post("/challenges/" + pan.challenge() + "/contributions", "kind", "IDEA", "title", "Four", "body", "b");
            assertEquals(429, fourth.code());
            assertTrue(fourth.body().string().contains("at most 3 contributions"));
            for (int i = 0; i < 10; i++) site.comment(eve, first, "Comment " + i, null);
            var eleventh = eve.post("/contributions/" + first + "/comments", "body", "Eleven");
            assertEquals(429, eleventh.code());
            assertTrue(eleventh.body().string().contains("at most 10 comments"));
            site.clock.advance(Duration.ofDays(1));
            assertEquals(302, eve.post("/challenges/" + pan.challenge() + "/contributions", "kind", "IDEA", "title", "Four", "body", "b").code());
            for (int i = 0; i < 5; i++) site.contribute(pan.owner(), pan.challenge(), "From an older member " + i); // no first-day limit
        });
    }

    @Test
    void signUpsAndPostsAreLimitedPerAddress() {
        var config = TestDatabase.config(dir).withLimits(2, 3, 10_000);
        Site.run(config, new TestClock(Site.START), site -> {
            var owner = site.member("Claire Vidal");
            site.member("Bob Stone");
            var third = site.visitor();
            third.get("/signup");
            var refused = third.post("/signup", "name", "Third Person", "email", "third@example.test", "password", Site.PASSWORD);
            assertEquals(429, refused.code());
            assertTrue(refused.body().string().contains("Try again in"));
            site.verify(owner);
            site.clock.advance(Duration.ofDays(2));
            long challenge = site.openChallenge(owner, site.organisation(owner, "Maison Vidal"), "A lighter pan");
            long id = Site.idFrom(owner.post("/challenges/" + challenge + "/contributions", "kind", "IDEA", "title", "One", "body", "b"));
            owner.post("/contributions/" + id + "/comments", "body", "c1");
            owner.post("/contributions/" + id + "/comments", "body", "c2");
            var tooFast = owner.post("/contributions/" + id + "/comments", "body", "c3");
            assertEquals(429, tooFast.code());
            assertEquals(2, site.count("SELECT count(*) FROM comment"), "nothing saved beyond the limit");
            site.clock.advance(Duration.ofMinutes(11));
            assertEquals(302, owner.post("/contributions/" + id + "/comments", "body", "c3").code());
        });
    }
}
