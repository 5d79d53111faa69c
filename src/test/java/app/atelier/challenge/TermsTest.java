package app.atelier.challenge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.atelier.support.Browser;
import app.atelier.support.Site;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TermsTest {
    @TempDir
    Path dir;

    private static long challenge(Site site, Browser owner, long org, String title, String... fields) {
        var all = new ArrayList<>(List.of("title", title, "brief", "b", "stage", "IDEA_GENERATION"));
        all.addAll(List.of(fields));
        if (!all.contains("mode")) all.addAll(List.of("mode", "OUTSIDE_IN"));
        long id = Site.idFrom(owner.post("/organisations/" + org + "/challenges", all.toArray(String[]::new)));
        site.move(owner, id, "OPEN");
        return id;
    }

    @Test
    void aPrivateChallengeIsSeenOnlyByThoseWhoMayTakePart() {
        Site.run(dir, site -> {
            var owner = site.member("Claire Vidal");
            long org = site.organisation(owner, "Maison Vidal");
            long id = challenge(site, owner, org, "Secret pan", "mode", "COMMUNITY", "visibility", "PRIVATE");
            var stranger = site.member("Eve Adams");
            var member = site.member("Cook Member");
            member.post("/organisations/" + org + "/apply", "city", "Lyon", "country", "France", "ageRange", "25-34",
                    "occupation", "Cook", "productUse", "Daily", "skills", "cooking", "motivation", "Care");
            owner.post("/organisations/" + org + "/community/" + member.memberId + "/approve", "message", "Welcome");
            assertTrue(Site.location(site.visitor().get("/challenges/" + id)).startsWith("/login"));
            var refused = stranger.get("/challenges/" + id);
            assertEquals(403, refused.code());
            assertTrue(refused.body().string().contains("Apply to join it first"));
            assertFalse(refused.body().string().contains("Secret pan"));
            assertTrue(member.page("/challenges/" + id).contains("Secret pan"));
            assertTrue(owner.page("/challenges/" + id).contains("Private"));
            assertFalse(site.visitor().page("/").contains("Secret pan"));
            assertFalse(stranger.page("/organisations/" + org).contains("Secret pan"));
        });
    }

    @Test
    void inAConfidentialChallengeEachContributionIsSeenByItsAuthorAndTheStaffOnly() {
        Site.run(dir, site -> {
            var owner = site.member("Claire Vidal");
            long org = site.organisation(owner, "Maison Vidal");
            long id = challenge(site, owner, org, "Logo contest", "visibility", "CONFIDENTIAL");
            var eve = site.member("Eve Adams");
            var bob = site.member("Bob Stone");
            long evesIdea = site.contribute(eve, id, "Eve's logo");
            long bobsIdea = site.contribute(bob, id, "Bob's logo");
            String evesList = eve.page("/challenges/" + id);
            assertTrue(evesList.contains("Eve's logo") && !evesList.contains("Bob's logo"));
            assertEquals(404, eve.get("/contributions/" + bobsIdea).code());
            assertEquals(404, site.visitor().get("/contributions/" + evesIdea).code());
            assertEquals(404, eve.post("/contributions/" + bobsIdea + "/vote").code());
            assertEquals(404, eve.post("/contributions/" + bobsIdea + "/comments", "body", "Peek").code());
            String staffList = owner.page("/challenges/" + id);
            assertTrue(staffList.contains("Eve's logo") && staffList.contains("Bob's logo"));
            assertFalse(site.visitor().page("/challenges/" + id).contains("logo</a>"));
        });
    }

    @Test
    void contributorsAcceptTheTermsOncePerVersionBeforeContributing() {
        Site.run(dir, site -> {
            var owner = site.member("Claire Vidal");
            long org = site.organisation(owner, "Maison Vidal");
            long id = challenge(site, owner, org, "Contest", "ipTerms", "Winners grant **all rights**.");
            var eve = site.member("Eve Adams");
            assertTrue(eve.page("/challenges/" + id + "/contribute").contains("<strong>all rights</strong>"));
            var refused = eve.post("/challenges/" + id + "/contributions", "kind", "IDEA", "title", "Kept title", "body", "b");
            assertEquals(422, refused.code());
            String page = refused.body().string();
            assertTrue(page.contains("Please accept the terms") && page.contains("Kept title"));
            assertEquals(302, eve.post("/challenges/" + id + "/contributions", "kind", "IDEA", "title", "First", "body", "b", "acceptTerms", "yes").code());
            assertEquals(1, site.count("SELECT version FROM terms_acceptance WHERE member_id = ?", eve.memberId));
            assertFalse(eve.page("/challenges/" + id + "/contribute").contains("I have read and accept"), "accepted once");
            assertEquals(302, eve.post("/challenges/" + id + "/contributions", "kind", "IDEA", "title", "Second", "body", "b").code());
            owner.post("/challenges/" + id, "title", "Contest", "brief", "b", "stage", "IDEA_GENERATION", "mode", "OUTSIDE_IN",
                    "visibility", "PUBLIC", "ipTerms", "Winners grant all rights, worldwide.");
            assertEquals(2, site.count("SELECT terms_version FROM challenge WHERE id = ?", id));
            assertEquals(422, eve.post("/challenges/" + id + "/contributions", "kind", "IDEA", "title", "Third", "body", "b").code(), "new terms, asked again");
            assertEquals(302, eve.post("/challenges/" + id + "/contributions", "kind", "IDEA", "title", "Third", "body", "b", "acceptTerms", "yes").code());
            assertEquals(2, site.count("SELECT count(*) FROM terms_acceptance WHERE member_id = ?", eve.memberId));
            assertEquals(422, owner.post("/organisations/" + org + "/challenges", "title", "T", "brief", "b", "stage", "LAUNCH",
                    "mode", "OUTSIDE_IN", "visibility", "SECRET").code());
        });
    }
}
