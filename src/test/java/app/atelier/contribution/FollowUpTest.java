package app.atelier.contribution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.atelier.support.Html;
import app.atelier.support.Site;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What became of the ideas: after the decision, the organisation follows what it took up (in development,
 * launched, dropped with a reason), each step dated and told; and the staff merge a duplicate by picking its original.
 */
class FollowUpTest {
    @TempDir
    Path dir;

    @Test
    void takenContributionsAreFollowedPubliclyEachStepDatedAndTold() {
        Site.run(dir, site -> {
            var pan = site.openChallenge("A lighter pan").withIdea("Eve Adams", "Hollow handle");
            long dropped = site.contribute(pan.author(), pan.challenge(), "Copper base");
            long declined = site.contribute(pan.author(), pan.challenge(), "Glass lid");
            var follower = site.member("Tom Baker");
            follower.post("/contributions/" + pan.idea() + "/follow");
            String idea = "/contributions/" + pan.idea() + "/responses";
            assertEquals(302, pan.owner().post(idea, "status", "ACCEPTED", "body", "We will make it.").code());
            assertEquals(302, pan.owner().post("/contributions/" + dropped + "/responses", "status", "ACCEPTED", "body", "Worth a try.").code());
            assertEquals(302, pan.owner().post("/contributions/" + declined + "/responses", "status", "DECLINED", "body", "Too fragile.").code());
            site.close(pan.owner(), pan.challenge());

            site.clock.advance(Duration.ofDays(40));
            site.signIn(pan.owner());
            assertEquals(302, pan.owner().post(idea, "status", "IN_DEVELOPMENT", "body", "Our workshop builds the first handles.").code());
            site.clock.advance(Duration.ofDays(90));
            site.signIn(pan.owner());
            assertEquals(302, pan.owner().post(idea, "status", "IMPLEMENTED", "body", "In shops from **May**.").code());
            assertEquals(302, pan.owner().post("/contributions/" + dropped + "/responses", "status", "DROPPED", "body", "Copper costs too much this year.").code());
            assertEquals("DECLINED", site.text("SELECT status FROM contribution WHERE id = ?", declined));
            var refused = pan.owner().post("/contributions/" + declined + "/responses", "status", "DROPPED", "body", "Never taken.");
            assertEquals(422, refused.code(), "only what was taken up is dropped ");
            assertTrue(Html.of(refused.body().string()).text("#response-status-error").contains("decline it instead"));
            assertFalse(Html.of(pan.owner().page("/contributions/" + declined)).texts("#response-status option").contains("Dropped"));

            long organisation = site.count("SELECT organisation_id FROM challenge WHERE id = ?", pan.challenge());
            var page = Html.of(site.visitor().page("/organisations/" + organisation + "/follow-up"));
            assertEquals("What became of the ideas Maison Vidal took up", page.text("h1"));
            var items = page.texts(".follow-up > li > p");
            assertEquals(List.of("Copper base · Dropped · Eve Adams · A lighter pan", "Hollow handle · Launched · Eve Adams · A lighter pan"), items);
            var steps = page.texts(".follow-up > li:nth-child(2) .steps li");
            assertEquals(List.of("Accepted · Mar 2, 2026 We will make it.", "In development · Apr 11, 2026 Our workshop builds the first handles.",
                    "Launched · Jul 10, 2026 In shops from May."), steps);
            assertTrue(page.text(".follow-up > li:first-child .steps").contains("Copper costs too much this year."), "dropped with its reason");
            assertFalse(page.text("main").contains("Glass lid"), "what was declined is not followed");
            var audit = pan.owner().page("/organisations/" + organisation + "/audit");
            assertTrue(audit.contains("In shops from May.") && !audit.contains("**May**"), "the audit log reads plain text");

            assertEquals(List.of("Hollow handle · Launched · Eve Adams", "Copper base · Dropped · Eve Adams"),
                    Html.of(site.visitor().page("/challenges/" + pan.challenge())).texts("#outcome .follow-up > li > p"), "the challenge's own section");
            assertEquals(3, site.count("SELECT count(*) FROM notification WHERE member_id = ? AND kind = 'RESPONSE' AND link LIKE ?",
                    pan.author().memberId, "/contributions/" + pan.idea() + "#%"), "the author hears of every step");
            assertEquals(3, site.count("SELECT count(*) FROM notification WHERE member_id = ? AND kind = 'RESPONSE'", follower.memberId),
                    "a follower too");
        });
    }

    @Test
    void aConfidentialChallengesFollowUpIsForTheStaffAlone() {
        Site.run(dir, site -> {
            var scene = site.openChallenge("A secret pan", "visibility", "CONFIDENTIAL");
            var eve = site.member("Eve Adams");
            long idea = site.contribute(eve, scene.challenge(), "Hollow handle");
            scene.owner().post("/contributions/" + idea + "/responses", "status", "ACCEPTED", "body", "Yes.");
            String address = "/organisations/" + scene.organisation() + "/follow-up";
            assertTrue(Html.of(site.visitor().page(address)).text("main").contains("Nothing has been taken up yet."));
            assertTrue(Html.of(scene.owner().page(address)).text(".follow-up").contains("Hollow handle"));
            assertEquals(400, site.visitor().get(address + "?after=nonsense").code());
            assertEquals(404, site.visitor().get("/organisations/999/follow-up").code());
        });
    }

    @Test
    void theStaffMergeADuplicateByPickingItsOriginalFoundByTitle() {
        Site.run(dir, site -> {
            var pan = site.openChallenge("A lighter pan").withIdea("Eve Adams", "Hollow handle");
            long other = site.contribute(pan.author(), pan.challenge(), "Copper base");
            long copy = site.contribute(site.member("Tom Baker"), pan.challenge(), "A handle that is hollow");
            String page = "/contributions/" + copy;

            var picker = Html.of(pan.owner().page(page));
            assertEquals(List.of("Not a duplicate", "Hollow handle · no vote · no. " + pan.idea(), "Copper base · no vote · no. " + other),
                    picker.texts("#duplicateOf option"), "every other contribution, never itself");
            var found = Html.of(pan.owner().page(page + "?merge=HOLLOW"));
            assertEquals(List.of("Not a duplicate", "Hollow handle · no vote · no. " + pan.idea()), found.texts("#duplicateOf option"));
            assertEquals("HOLLOW", found.value("#merge"));
            assertTrue(Html.of(pan.owner().page(page + "?merge=%25")).text("#response-form").contains("No other contribution"), "a wildcard is a character");
            assertEquals(200, pan.owner().get(page + "?merge=" + "x".repeat(5_000)).code());
            assertFalse(pan.author().page(page).contains("id=\"duplicateOf\""), "a contributor merges nothing");
            assertFalse(site.visitor().page(page).contains("merge-search"));

            assertEquals(302, pan.owner().post(page + "/responses", "status", "DUPLICATE", "body", "Same idea.", "duplicateOf", Long.toString(pan.idea())).code());
            assertEquals("DUPLICATE", site.text("SELECT status FROM contribution WHERE id = ?", copy));
            assertFalse(pan.owner().page(page).contains("id=\"duplicateOf\""), "merged once");
            var bad = pan.owner().post("/contributions/" + other + "/responses", "status", "DUPLICATE", "body", "Same.", "duplicateOf", "abc");
            assertEquals(422, bad.code());
            assertTrue(Html.of(bad.body().string()).has("#duplicateOf-error"));
        });
    }
}
