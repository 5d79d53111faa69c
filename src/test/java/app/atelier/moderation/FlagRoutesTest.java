package app.atelier.moderation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.atelier.support.Browser;
import app.atelier.support.Html;
import app.atelier.support.Site;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FlagRoutesTest {
    @TempDir
    Path dir;

    private static Browser approved(Site.Scene s, Browser moderator, String name) {
        var member = s.site().member(name);
        member.post("/organisations/" + s.organisation() + "/apply", "city", "Lyon", "country", "France", "ageRange", "25-34",
                "occupation", "Cook", "productUse", "Daily", "skills", "cooking", "motivation", "Care");
        moderator.post("/organisations/" + s.organisation() + "/community/" + member.memberId + "/approve", "message", "Welcome");
        return member;
    }

    @Test
    void oneFlagPerMemberAndItShowsInTheQueueWithItsReasons() {
        Site.run(dir, site -> {
            var s = site.openChallenge("A lighter pan");
            var moderator = s.staff("Mona Roy", "MODERATOR");
            var eve = site.member("Eve Adams");
            long id = site.contribute(eve, s.challenge(), "Buy cheap watches");
            var bob = site.member("Bob Stone");
            var done = bob.postForFragment("/contributions/" + id + "/flag", "reason", "SPAM", "note", "Links to a shop");
            assertEquals(200, done.code());
            assertTrue(done.body().string().contains("the moderators will look at it"));
            assertEquals(409, bob.post("/contributions/" + id + "/flag", "reason", "ABUSIVE").code(), "one flag per member per item");
            assertEquals(422, site.member("Ada Lovelace").post("/contributions/" + id + "/flag", "reason", "OTHER", "note", "").code(), "other needs words");
            assertEquals(422, site.member("Carl Dunn").postForFragment("/contributions/" + id + "/flag", "reason", "").code());
            String queue = moderator.page("/organisations/" + s.organisation() + "/moderation");
            assertTrue(queue.contains("Buy cheap watches") && queue.contains("1 open flag, by:"), queue);
            var reported = Html.of(queue);
            assertEquals(1, reported.texts("ul.reports li").size());
            assertTrue(reported.text("ul.reports li").startsWith("Bob Stone · ") && reported.text("ul.reports li").endsWith("“Links to a shop”"),
                    "who flagged it, why, and their note");
            assertTrue(reported.links("ul.cards a").contains("/members/" + eve.memberId), "the author's history, one click away");
            var noScript = site.member("Dan Roe").post("/contributions/" + id + "/flag", "reason", "SPAM", "back", "/contributions/" + id);
            assertEquals("/contributions/" + id + "#reported", Site.location(noScript));
        });
    }

    @Test
    void threeApprovedMembersFlaggingHideAnItemAtOnce() {
        Site.run(dir, site -> {
            var s = site.openChallenge("A lighter pan");
            var moderator = s.staff("Mona Roy", "MODERATOR");
            var eve = site.member("Eve Adams");
            long id = site.contribute(eve, s.challenge(), "Rude words");
            long comment = site.comment(eve, id, "More rude words", null);
            for (int i = 0; i < 3; i++) site.member("Outsider " + (char) ('A' + i)).post("/comments/" + comment + "/flag", "reason", "ABUSIVE");
            assertEquals(0, site.count("SELECT hidden FROM comment WHERE id = ?", comment), "flags from outside the community do not hide");
            var members = List.of(approved(s, moderator, "Member One"), approved(s, moderator, "Member Two"), approved(s, moderator, "Member Three"));
            for (var m : members.subList(0, 2)) m.post("/contributions/" + id + "/flag", "reason", "ABUSIVE");
            assertEquals(0, site.count("SELECT hidden FROM contribution WHERE id = ?", id));
            members.get(2).post("/contributions/" + id + "/flag", "reason", "ABUSIVE");
            assertEquals(1, site.count("SELECT hidden FROM contribution WHERE id = ?", id), "hidden at the third");
            String seenByOthers = site.visitor().page("/contributions/" + id);
            assertFalse(seenByOthers.contains("Rude words"));
            assertTrue(seenByOthers.contains("Hidden by a moderator."));
            assertTrue(eve.page("/contributions/" + id).contains("waiting for a moderator"), "the author is told");
            assertTrue(moderator.page("/contributions/" + id).contains("Rude words"), "staff still read it");
            assertTrue(s.owner().page("/organisations/" + s.organisation() + "/audit").contains("Hidden after three flags"));
            var late = site.member("Late Comer");
            assertEquals(409, late.post("/contributions/" + id + "/flag", "reason", "ABUSIVE").code(), "hidden already");
            assertFalse(late.page("/contributions/" + id).contains("/contributions/" + id + "/flag\""), "and no flag is offered");
        });
    }

    @Test
    void nobodyFlagsWhatTheyWroteAndThePageOffersNoFlagForIt() {
        Site.run(dir, site -> {
            var s = site.openChallenge("A lighter pan");
            var eve = site.member("Eve Adams");
            long id = site.contribute(eve, s.challenge(), "My own idea");
            long comment = site.comment(eve, id, "My own comment", null);
            var own = eve.postFrom("/contributions/" + id, "/contributions/" + id + "/flag", "reason", "SPAM");
            assertEquals("/contributions/" + id, Site.location(own), "refused, back to the page");
            assertTrue(eve.page("/contributions/" + id).contains("You cannot flag what you wrote yourself."));
            assertEquals(403, eve.post("/comments/" + comment + "/flag", "reason", "SPAM").code());
            assertEquals(0, site.count("SELECT count(*) FROM flag"));
            assertFalse(eve.page("/contributions/" + id).contains("/flag\""), "no flag offered on her own items");
            assertTrue(site.member("Bob Stone").page("/contributions/" + id).contains("/flag\""), "others are offered one");
        });
    }

    @Test
    void moderatorsHideRestoreAndDismissAndNobodyElseMay() {
        Site.run(dir, site -> {
            var s = site.openChallenge("A lighter pan");
            var moderator = s.staff("Mona Roy", "MODERATOR");
            var eve = site.member("Eve Adams");
            long id = site.contribute(eve, s.challenge(), "Off topic musings");
            long comment = site.comment(eve, id, "A comment", null);
            site.member("Bob Stone").post("/contributions/" + id + "/flag", "reason", "OFF_TOPIC");
            var otherOwner = site.member("Otto Berg");
            site.organisation(otherOwner, "Berg GmbH");
            for (Browser refused : List.of(eve, otherOwner, site.member("Carl Dunn"))) {
                assertEquals(403, refused.post("/moderation/contribution/" + id + "/hide", "reason", "No").code());
                assertEquals(403, refused.post("/moderation/comment/" + comment + "/hide", "reason", "No").code());
                assertEquals(403, refused.get("/organisations/" + s.organisation() + "/moderation").code());
            }
            assertEquals(422, moderator.post("/moderation/contribution/" + id + "/hide", "reason", "").code());
            assertEquals(302, moderator.post("/moderation/contribution/" + id + "/hide", "reason", "Please stay on the brief").code());
            assertTrue(eve.page("/contributions/" + id).contains("Please stay on the brief"));
            assertTrue(site.visitor().page("/challenges/" + s.challenge()).contains("Hidden contribution"));
            assertEquals(0, site.count("SELECT open_flags FROM contribution WHERE id = ?", id));
            assertEquals(302, moderator.post("/moderation/contribution/" + id + "/restore").code());
            assertTrue(site.visitor().page("/contributions/" + id).contains("Off topic musings"));
            site.member("Dan Roe").post("/comments/" + comment + "/flag", "reason", "SPAM");
            assertEquals(302, s.owner().post("/moderation/comment/" + comment + "/dismiss", "back", "/organisations/" + s.organisation() + "/moderation").code());
            assertEquals(0, site.count("SELECT count(*) FROM flag WHERE resolved = 0"));
            assertEquals(404, s.owner().post("/moderation/poem/" + id + "/hide", "reason", "x").code());
            assertEquals(404, s.owner().post("/moderation/contribution/" + id + "/burn").code());
            assertEquals(404, s.owner().post("/moderation/contribution/999/hide", "reason", "x").code());
            String audit = s.owner().page("/organisations/" + s.organisation() + "/audit");
            assertTrue(audit.contains("Hidden by a moderator") && audit.contains("Restored") && audit.contains("Flags dismissed"));
        });
    }
}
