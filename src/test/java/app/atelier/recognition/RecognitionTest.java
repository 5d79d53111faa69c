package app.atelier.recognition;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
            var owner = site.member("Claire Vidal");
            long org = site.organisation(owner, "Maison Vidal");
            long challenge = site.openChallenge(owner, org, "A lunch box for cyclists");
            var ana = site.member("Ana Ruiz");
            var ben = site.member("Ben Okafor");
            long first = site.contribute(ana, challenge, "Insulated pannier");
            site.contribute(ana, challenge, "Bento rails");
            site.contribute(ben, challenge, "Fold-flat box");
            ben.post("/contributions/" + first + "/vote");
            ana.post("/contributions/" + first + "/vote");
            owner.post("/contributions/" + first + "/responses", "status", "ACCEPTED", "body", "We take it.");
            owner.post("/contributions/" + first + "/responses", "status", "SHORTLISTED", "body", "Back a step.");
            owner.post("/contributions/" + first + "/responses", "status", "ACCEPTED", "body", "And again.");

            String profile = site.visitor().page("/members/" + ana.memberId);
            assertTrue(profile.contains("46 points: Newcomer."), "5 + 5 ideas, 1 vote from Ben, 10 shortlisted, 25 accepted once");
            assertTrue(profile.contains("First idea") && profile.contains("First accepted idea"));
            assertFalse(profile.contains("Ten ideas"));

            String board = site.visitor().page("/leaderboard");
            assertTrue(board.indexOf("Ana Ruiz") < board.indexOf("Ben Okafor") && board.indexOf("Ana Ruiz") > 0);
            assertTrue(site.visitor().page("/leaderboard?organisation=" + org).contains("Leaderboard of Maison Vidal"));
            assertEquals(404, site.visitor().get("/leaderboard?organisation=999").code());
            assertEquals(404, site.visitor().get("/leaderboard?organisation=abc").code());

            site.clock.advance(Duration.ofDays(40));
            assertTrue(site.visitor().page("/leaderboard").contains("No points earned yet"), "a new month starts afresh");
            assertTrue(site.visitor().page("/leaderboard?period=all").contains("Ana Ruiz"), "all time keeps everything");
        });
    }
}
