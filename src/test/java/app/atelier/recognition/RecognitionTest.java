package app.atelier.recognition;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.atelier.support.Browser;
import app.atelier.support.Site;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Points from what is recorded, badges by their rules, and leaderboards per organisation and per month. */
class RecognitionTest {
    @TempDir
    Path dir;

    @Test
    void pointsBadgesAndLeaderboardsFollowWhatHappened() {
        Site.run(dir, site -> {
            var scene = site.openChallenge("A lunch box for cyclists");
            var ana = site.member("Ana Ruiz");
            var ben = site.member("Ben Okafor");
            long first = site.contribute(ana, scene.challenge(), "Insulated pannier");
            site.contribute(ana, scene.challenge(), "Bento rails");
            site.contribute(ben, scene.challenge(), "Fold-flat box");
            ben.post("/contributions/" + first + "/vote");
            ana.post("/contributions/" + first + "/vote");
            scene.owner().post("/contributions/" + first + "/responses", "status", "ACCEPTED", "body", "We take it.");
            scene.owner().post("/contributions/" + first + "/responses", "status", "SHORTLISTED", "body", "Back a step.");
            scene.owner().post("/contributions/" + first + "/responses", "status", "ACCEPTED", "body", "And again.");

            String profile = site.visitor().page("/members/" + ana.memberId);
            assertTrue(profile.contains("46 points: Newcomer."), "5 + 5 ideas, 1 vote from Ben, 10 shortlisted, 25 accepted once");
            assertTrue(profile.contains("First idea") && profile.contains("First accepted idea"));
            assertFalse(profile.contains("Ten ideas"));

            String board = site.visitor().page("/leaderboard");
            assertTrue(board.indexOf("Ana Ruiz") < board.indexOf("Ben Okafor") && board.indexOf("Ana Ruiz") > 0);
            assertTrue(site.visitor().page("/leaderboard?organisation=" + scene.organisation()).contains("Leaderboard of Maison Vidal"));
            assertEquals(404, site.visitor().get("/leaderboard?organisation=999").code());
            assertEquals(404, site.visitor().get("/leaderboard?organisation=abc").code());

            long comment = site.comment(ben, first, "Have you tried a thermal liner?", null);
            long own = site.comment(scene.owner(), first, "Thanks, all.", null);
            assertEquals(403, ben.post("/comments/" + comment + "/helpful").code(), "only the staff mark a comment helpful");
            assertEquals(403, scene.owner().post("/comments/" + own + "/helpful").code(), "not their own");
            assertEquals(302, scene.owner().post("/comments/" + comment + "/helpful").code());
            assertEquals(409, scene.owner().post("/comments/" + comment + "/helpful").code(), "once");
            assertTrue(site.visitor().page("/contributions/" + first).contains("Helpful"));
            assertTrue(site.visitor().page("/members/" + ben.memberId).contains("8 points"), "5 for his idea, 3 for a helpful comment");

            site.clock.advance(Duration.ofDays(40));
            assertTrue(site.visitor().page("/leaderboard").contains("No points earned yet"), "a new month starts afresh");
            assertTrue(site.visitor().page("/leaderboard?period=all").contains("Ana Ruiz"), "all time keeps everything");
        });
    }

    @Test
    void levelsLiftFirstDayLimitsAndWeighFlags() {
        Site.run(dir, site -> {
            var scene = site.openChallenge("A lunch box for cyclists");
            var ana = site.member("Ana Ruiz");
            var ids = new java.util.ArrayList<Long>();
            for (int i = 0; i < 3; i++) ids.add(site.contribute(ana, scene.challenge(), "Idea " + i));
            String contribute = "/challenges/" + scene.challenge() + "/contributions";
            assertEquals(429, ana.post(contribute, "kind", "IDEA", "title", "One more", "body", "Still my first day.").code());
            respond(scene.owner(), ids.get(0), "SHORTLISTED", "ACCEPTED");
            assertEquals(302, ana.post(contribute, "kind", "IDEA", "title", "One more", "body", "Now a Contributor.").code(),
                    "50 points lift the first-day limits");

            respond(scene.owner(), ids.get(0), "IMPLEMENTED");
            respond(scene.owner(), ids.get(1), "SHORTLISTED", "ACCEPTED", "IMPLEMENTED");
            respond(scene.owner(), ids.get(2), "SHORTLISTED");
            assertTrue(site.visitor().page("/members/" + ana.memberId).contains("200 points: Regular."));
            var carl = site.member("Carl Dunn");
            var dora = site.member("Dora Lind");
            for (var member : new Browser[] {ana, carl, dora}) site.joinCommunity(scene.owner(), scene.organisation(), member);
            var ben = site.member("Ben Okafor");
            long first = site.contribute(ben, scene.challenge(), "A box");
            long second = site.contribute(ben, scene.challenge(), "Another box");
            carl.post("/contributions/" + first + "/flag", "reason", "SPAM");
            dora.post("/contributions/" + first + "/flag", "reason", "SPAM");
            assertEquals(0, site.count("SELECT hidden FROM contribution WHERE id = ?", first), "two flags from newcomers are not enough");
            carl.post("/contributions/" + second + "/flag", "reason", "SPAM");
            ana.post("/contributions/" + second + "/flag", "reason", "SPAM");
            assertEquals(1, site.count("SELECT hidden FROM contribution WHERE id = ?", second), "a Regular's flag counts double");
        });
    }

    private static void respond(Browser owner, long contribution, String... statuses) {
        for (String status : statuses) owner.post("/contributions/" + contribution + "/responses", "status", status, "body", "Moving on: " + status);
    }
}
