package app.atelier.challenge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.atelier.support.Browser;
import app.atelier.support.Site;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProductTeamTest {
    @TempDir
    Path dir;

    @Test
    void aManagerBuildsTheProductTeamWithOneLeadAndTheTeamReadsTheStaffNotes() {
        Site.run(dir, site -> {
            var scene = site.openChallenge("A lighter pan");
            var eve = site.member("Eve Adams");
            var bob = site.member("Bob Stone");
            var carl = site.member("Carl Dunn");
            site.contribute(eve, scene.challenge(), "Hollow handle");
            site.contribute(bob, scene.challenge(), "Thin enamel");
            String team = "/challenges/" + scene.challenge() + "/team";
            assertEquals(302, scene.owner().post("/challenges/" + scene.challenge() + "/notes", "notes", "Budget: **40k€**").code());
            assertFalse(eve.page("/challenges/" + scene.challenge()).contains("40k€"), "not yet in the team");

            assertEquals(409, scene.owner().post(team, "memberId", Long.toString(carl.memberId)).code(), "only contributors join");
            assertEquals(302, scene.owner().post(team, "memberId", Long.toString(eve.memberId)).code());
            assertEquals(302, scene.owner().post(team, "memberId", Long.toString(bob.memberId), "lead", "yes").code());
            assertEquals(302, scene.owner().post(team, "memberId", Long.toString(eve.memberId), "lead", "yes").code());
            assertEquals(1, site.count("SELECT count(*) FROM challenge_team WHERE challenge_id = ? AND lead = 1", scene.challenge()), "one lead");
            assertEquals(1, site.count("SELECT lead FROM challenge_team WHERE member_id = ?", eve.memberId));

            String evesView = eve.page("/challenges/" + scene.challenge());
            assertTrue(evesView.contains("<strong>40k€</strong>") && evesView.contains("Product team"));
            assertFalse(carl.page("/challenges/" + scene.challenge()).contains("40k€"));
            assertFalse(site.visitor().page("/challenges/" + scene.challenge()).contains("40k€"));

            for (Browser refused : List.of(eve, carl)) {
                assertEquals(403, refused.post(team, "memberId", Long.toString(carl.memberId)).code());
                assertEquals(403, refused.post("/challenges/" + scene.challenge() + "/notes", "notes", "Mine now").code());
                assertEquals(403, refused.post(team + "/" + bob.memberId + "/remove").code());
            }
            assertEquals(422, scene.owner().post("/challenges/" + scene.challenge() + "/notes", "notes", "n".repeat(20_001)).code());
            assertEquals(302, scene.owner().post(team + "/" + bob.memberId + "/remove").code());
            assertEquals(404, scene.owner().post(team + "/" + bob.memberId + "/remove").code());
            assertEquals("Budget: **40k€**", site.text("SELECT staff_notes FROM challenge WHERE id = ?", scene.challenge()), "nothing saved is lost");
        });
    }
}
