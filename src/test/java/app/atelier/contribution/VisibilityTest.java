package app.atelier.contribution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.atelier.support.Browser;
import app.atelier.support.Site;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every page and fragment that lists contributions applies the contribution page's rule: walked as a visitor, a
 * member of the community, another organisation's staff and the author, with a confidential, a private and a
 * hidden item present.
 */
class VisibilityTest {
    private static final String CONFIDENTIAL = "Confidential sketch";
    private static final String PRIVATE = "Private recipe";
    private static final String HIDDEN = "Hidden rant";
    private static final String PUBLIC = "Public idea";

    @TempDir
    Path dir;


    @Test
    void everyListShowsOnlyWhatTheViewerMayOpen() {
        Site.run(dir, site -> {
            var owner = site.member("Claire Vidal");
            long org = site.organisation(owner, "Maison Vidal");
            var otherStaff = site.member("Paul Other");
            long otherOrg = site.organisation(otherStaff, "Other Works");
            var eve = site.member("Eve Adams");
            var bob = site.member("Bob Stone");
            site.joinCommunity(owner, org, eve);
            site.joinCommunity(owner, org, bob);
            site.clock.advance(java.time.Duration.ofDays(2)); // past the first-day limits
            long open = site.openChallenge(owner, org, "Open pans", "mode", "OUTSIDE_IN");
            long confidential = site.openChallenge(owner, org, "Logo contest", "mode", "OUTSIDE_IN", "visibility", "CONFIDENTIAL");
            long privat = site.openChallenge(owner, org, "Members' pan", "mode", "COMMUNITY", "visibility", "PRIVATE");
            site.contribute(eve, open, PUBLIC);
            long hidden = site.contribute(eve, open, HIDDEN);
            long secret = site.contribute(eve, confidential, CONFIDENTIAL);
            site.contribute(eve, privat, PRIVATE);
            assertEquals(302, owner.post("/moderation/contribution/" + hidden + "/hide", "reason", "Off topic").code());

            var visitor = site.visitor();
            var pages = List.of("/members/" + eve.memberId, "/", "/organisations/" + org, "/organisations/" + otherOrg,
                    "/challenges/" + open, "/challenges/" + confidential, "/challenges/" + privat);
            Map<String, Browser> people = Map.of("visitor", visitor, "member", bob, "other staff", otherStaff, "author", eve, "owner", owner);
            Map<String, List<String>> mayRead = Map.of(
                    "visitor", List.of(PUBLIC),
                    "member", List.of(PUBLIC, PRIVATE),
                    "other staff", List.of(PUBLIC),
                    "author", List.of(PUBLIC, PRIVATE, CONFIDENTIAL),
                    "owner", List.of(PUBLIC, PRIVATE, CONFIDENTIAL));
            people.forEach((who, browser) -> {
                var all = new StringBuilder();
                for (String path : pages) {
                    var response = browser.get(path);
                    if (response.code() == 200) all.append(response.body().string());
                }
                for (String title : List.of(PUBLIC, PRIVATE, CONFIDENTIAL)) {
                    assertEquals(mayRead.get(who).contains(title), all.toString().contains(title), who + " and " + title);
                }
                if (!who.equals("author") && !who.equals("owner")) {
                    assertFalse(all.toString().contains(HIDDEN), who + " reads a hidden title");
                    assertEquals(404, browser.get("/contributions/" + secret).code(), who);
                }
            });
            assertTrue(eve.page("/contributions/" + hidden).contains(HIDDEN), "the author still reads her hidden item");
            var vote = bob.postForFragment("/contributions/" + hidden + "/vote", "back", "/challenges/" + open);
            assertEquals(409, vote.code(), "a hidden contribution takes no votes");
            assertFalse(vote.body().string().contains(HIDDEN));
        });
    }

    @Test
    void aMergeAcrossAConfidentialChallengeTellsNobodyWhatTheyMayNotOpen() {
        Site.run(dir, site -> {
            var scene = site.openChallenge("Logo contest", "mode", "OUTSIDE_IN", "visibility", "CONFIDENTIAL");
            var eve = site.member("Eve Adams");
            var bob = site.member("Bob Stone");
            long eves = site.contribute(eve, scene.challenge(), "Eve's secret logo");
            long bobs = site.contribute(bob, scene.challenge(), "Bob's secret logo");
            assertEquals(302, scene.owner().post("/contributions/" + bobs + "/responses", "status", "DUPLICATE",
                    "body", "Very close to another entry.", "duplicateOf", Long.toString(eves)).code());

            String bobsPage = bob.page("/contributions/" + bobs);
            assertFalse(bobsPage.contains("Eve's secret logo"), "merged into a title Bob may not read");
            assertFalse(bobsPage.contains("/contributions/" + eves + "\""), "nor a link to it");
            assertTrue(bobsPage.contains("Merged into another contribution"));
            assertEquals(0, site.count("SELECT count(*) FROM follow WHERE member_id = ? AND contribution_id = ?", bob.memberId, eves));
            assertFalse(bob.page("/notifications").contains("Eve's secret logo"));
            assertFalse(eve.page("/notifications").contains("Bob's secret logo"), "Eve follows the original, not Bob's entry");
            assertEquals(0, site.count("SELECT count(*) FROM outbox o JOIN member m ON m.email = o.to_address WHERE m.id = ? AND o.body LIKE '%Bob''s secret%'", eve.memberId));
            assertEquals(0, site.count("SELECT count(*) FROM outbox o JOIN member m ON m.email = o.to_address WHERE m.id = ? AND o.body LIKE '%Eve''s secret%'", bob.memberId));
            assertTrue(scene.owner().page("/contributions/" + bobs).contains("Eve's secret logo"), "the staff see where it went");
        });
    }

    @Test
    void commentsOnAConfidentialContributionAreToldOnlyToThoseWhoMayOpenIt() {
        Site.run(dir, site -> {
            var scene = site.openChallenge("Open pans", "mode", "OUTSIDE_IN");
            var eve = site.member("Eve Adams");
            var bob = site.member("Bob Stone");
            long eves = site.contribute(eve, scene.challenge(), "Eve's pan");
            assertEquals(302, bob.post("/contributions/" + eves + "/follow").code());
            scene.owner().post("/challenges/" + scene.challenge(), "title", "Open pans", "brief", "b", "stage", "IDEA_GENERATION", "mode", "OUTSIDE_IN",
                    "visibility", "CONFIDENTIAL");
            site.comment(scene.owner(), eves, "Thanks, we love it", null);
            assertFalse(bob.page("/notifications").contains("Eve's pan"), "Bob may no longer open it");
            assertTrue(eve.page("/notifications").contains("Eve's pan"));
        });
    }
}
