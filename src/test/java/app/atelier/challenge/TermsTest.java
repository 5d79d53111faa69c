package app.atelier.challenge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.atelier.support.Site;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TermsTest {
    @TempDir
    Path dir;

    @Test
    void aPrivateChallengeIsSeenOnlyByThoseWhoMayTakePart() {
        Site.run(dir, site -> {
            var scene = site.openChallenge("Secret pan", "mode", "COMMUNITY", "visibility", "PRIVATE");
            var stranger = site.member("Eve Adams");
            var member = site.member("Cook Member");
            member.post("/organisations/" + scene.organisation() + "/apply", "city", "Lyon", "country", "France", "ageRange", "25-34",
                    "occupation", "Cook", "productUse", "Daily", "skills", "cooking", "motivation", "Care");
            scene.owner().post("/organisations/" + scene.organisation() + "/community/" + member.memberId + "/approve", "message", "Welcome");
            assertTrue(Site.location(site.visitor().get("/challenges/" + scene.challenge())).startsWith("/login"));
            var refused = stranger.get("/challenges/" + scene.challenge());
            assertEquals(403, refused.code());
            assertTrue(refused.body().string().contains("Apply to join it first"));
            assertFalse(refused.body().string().contains("Secret pan"));
            assertTrue(member.page("/challenges/" + scene.challenge()).contains("Secret pan"));
            assertTrue(scene.owner().page("/challenges/" + scene.challenge()).contains("Private"));
            assertFalse(site.visitor().page("/").contains("Secret pan"));
            assertFalse(stranger.page("/organisations/" + scene.organisation()).contains("Secret pan"));
        });
    }

    @Test
    void inAConfidentialChallengeEachContributionIsSeenByItsAuthorAndTheStaffOnly() {
        Site.run(dir, site -> {
            var scene = site.openChallenge("Logo contest", "visibility", "CONFIDENTIAL");
            var eve = site.member("Eve Adams");
            var bob = site.member("Bob Stone");
            long evesIdea = site.contribute(eve, scene.challenge(), "Eve's logo");
            long bobsIdea = site.contribute(bob, scene.challenge(), "Bob's logo");
            String evesList = eve.page("/challenges/" + scene.challenge());
            assertTrue(evesList.contains("Eve's logo") && !evesList.contains("Bob's logo"));
            assertEquals(404, eve.get("/contributions/" + bobsIdea).code());
            assertEquals(404, site.visitor().get("/contributions/" + evesIdea).code());
            assertEquals(404, eve.post("/contributions/" + bobsIdea + "/vote").code());
            assertEquals(404, eve.post("/contributions/" + bobsIdea + "/comments", "body", "Peek").code());
            String staffList = scene.owner().page("/challenges/" + scene.challenge());
            assertTrue(staffList.contains("Eve's logo") && staffList.contains("Bob's logo"));
            assertFalse(site.visitor().page("/challenges/" + scene.challenge()).contains("logo</a>"));
        });
    }

    @Test
    void contributorsAcceptTheTermsOncePerVersionBeforeContributing() {
        Site.run(dir, site -> {
            var scene = site.openChallenge("Contest", "ipTerms", "Winners grant **all rights**.");
            var eve = site.member("Eve Adams");
            assertTrue(eve.page("/challenges/" + scene.challenge() + "/contribute").contains("<strong>all rights</strong>"));
            var refused = eve.post("/challenges/" + scene.challenge() + "/contributions", "kind", "IDEA", "title", "Kept title", "body", "b");
            assertEquals(422, refused.code());
            String page = refused.body().string();
            assertTrue(page.contains("Please accept the terms") && page.contains("Kept title"));
            assertEquals(302, eve.post("/challenges/" + scene.challenge() + "/contributions", "kind", "IDEA", "title", "First", "body", "b", "acceptTerms", "yes").code());
            assertEquals(1, site.count("SELECT version FROM terms_acceptance WHERE member_id = ?", eve.memberId));
            assertFalse(eve.page("/challenges/" + scene.challenge() + "/contribute").contains("I have read and accept"), "accepted once");
            assertEquals(302, eve.post("/challenges/" + scene.challenge() + "/contributions", "kind", "IDEA", "title", "Second", "body", "b").code());
            scene.owner().post("/challenges/" + scene.challenge(), "title", "Contest", "brief", "b", "stage", "IDEA_GENERATION", "mode", "OUTSIDE_IN",
                    "visibility", "PUBLIC", "ipTerms", "Winners grant all rights, worldwide.");
            assertEquals(2, site.count("SELECT terms_version FROM challenge WHERE id = ?", scene.challenge()));
            assertEquals(422, eve.post("/challenges/" + scene.challenge() + "/contributions", "kind", "IDEA", "title", "Third", "body", "b").code(), "new terms, asked again");
            assertEquals(302, eve.post("/challenges/" + scene.challenge() + "/contributions", "kind", "IDEA", "title", "Third", "body", "b", "acceptTerms", "yes").code());
            assertEquals(2, site.count("SELECT count(*) FROM terms_acceptance WHERE member_id = ?", eve.memberId));
            assertEquals(422, scene.owner().post("/organisations/" + scene.organisation() + "/challenges", "title", "T", "brief", "b", "stage", "LAUNCH",
                    "mode", "OUTSIDE_IN", "visibility", "SECRET").code());
        });
    }
}
