package app.atelier.moderation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.atelier.support.Browser;
import app.atelier.support.Site;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModerationRoutesTest {
    @TempDir
    Path dir;

    /** An open outside-in challenge with its owner, a manager and a moderator. */
    @Test
    void aStatusChangeComesWithAWrittenResponseShownOnThePageAndInLists() {
        Site.run(dir, site -> {
            var s = site.openChallenge("A lighter pan");
            var moderator = s.staff("Mona Roy", "MODERATOR");
            var eve = site.member("Eve Adams");
            long accepted = site.contribute(eve, s.challenge(), "Hollow handle");
            long other = site.contribute(eve, s.challenge(), "Other idea");
            String path = "/contributions/" + accepted + "/responses";
            var empty = moderator.post(path, "status", "ACCEPTED", "body", "");
            assertEquals(422, empty.code());
            assertTrue(empty.body().string().contains("Please fill this in."));
            assertEquals(422, moderator.post(path, "status", "LOVED", "body", "Yes").code());
            assertEquals(302, moderator.post(path, "status", "ACCEPTED", "body", "We **will** build it.").code());

            String page = site.visitor().page("/contributions/" + accepted);
            assertTrue(page.contains("Accepted") && page.contains("<strong>will</strong>") && page.contains("Mona Roy"));
            String list = site.visitor().page("/challenges/" + s.challenge());
            assertTrue(list.contains("Official response:") && list.contains("We will build it.") && !list.contains("**"), "lists show the words, not the marks");
            String filtered = site.visitor().page("/challenges/" + s.challenge() + "?status=ACCEPTED");
            assertTrue(filtered.contains("Hollow handle") && !filtered.contains("Other idea"));
            assertTrue(site.visitor().page("/challenges/" + s.challenge() + "?status=SUBMITTED").contains("Other idea"));
            assertEquals(1, site.count("SELECT count(*) FROM official_response WHERE contribution_id = ?", accepted));
            assertTrue(other > 0);
        });
    }

    @Test
    void onlyTheOrganisationsStaffRespond() {
        Site.run(dir, site -> {
            var s = site.openChallenge("A lighter pan");
            var manager = s.staff("Paul Martin", "MANAGER");
            var moderator = s.staff("Mona Roy", "MODERATOR");
            var otherOwner = site.member("Otto Berg");
            site.organisation(otherOwner, "Berg GmbH");
            var eve = site.member("Eve Adams");
            long id = site.contribute(eve, s.challenge(), "Hollow handle");
            for (Browser refused : List.of(eve, otherOwner, site.member("Bob Stone"))) {
                assertEquals(403, refused.post("/contributions/" + id + "/responses", "status", "DECLINED", "body", "No").code());
            }
            var visitor = site.visitor();
            visitor.get("/login");
            assertTrue(Site.location(visitor.post("/contributions/" + id + "/responses", "status", "DECLINED", "body", "No")).startsWith("/login"));
            assertEquals(404, s.owner().post("/contributions/999/responses", "status", "DECLINED", "body", "No").code());
            for (Browser staff : List.of(s.owner(), manager, moderator)) {
                assertEquals(302, staff.post("/contributions/" + id + "/responses", "status", "UNDER_REVIEW", "body", "Looking").code());
            }
            assertFalse(eve.page("/contributions/" + id).contains("Give an official response"));
            assertTrue(moderator.page("/contributions/" + id).contains("Give an official response"));
        });
    }

    @Test
    void aDuplicateIsMergedWithItsVotesAndFollowersAndNoDoubleVotes() {
        Site.run(dir, site -> {
            var s = site.openChallenge("A lighter pan");
            var moderator = s.staff("Mona Roy", "MODERATOR");
            var x = site.member("Xavier Original");
            var y = site.member("Yara Duplicate");
            var v1 = site.member("Voter One");
            var v2 = site.member("Voter Two");
            var v3 = site.member("Voter Three");
            var follower = site.member("Fiona Follower");
            long original = site.contribute(x, s.challenge(), "Hollow handle");
            long duplicate = site.contribute(y, s.challenge(), "Handle that is hollow");
            for (var v : List.of(v1, v2)) v.post("/contributions/" + original + "/vote");
            for (var v : List.of(v2, v3, x)) v.post("/contributions/" + duplicate + "/vote");
            follower.post("/contributions/" + duplicate + "/follow");
            String path = "/contributions/" + duplicate + "/responses";

            assertEquals(422, moderator.post(path, "status", "DUPLICATE", "body", "Same idea", "duplicateOf", "").code());
            assertEquals(422, moderator.post(path, "status", "DUPLICATE", "body", "Same idea", "duplicateOf", Long.toString(duplicate)).code());
            long elsewhere = site.contribute(x, site.openChallenge(s.owner(), s.organisation(), "Another"), "Elsewhere");
            assertEquals(422, moderator.post(path, "status", "DUPLICATE", "body", "Same idea", "duplicateOf", Long.toString(elsewhere)).code());
            assertEquals(302, moderator.post(path, "status", "DUPLICATE", "body", "Same idea as #" + original, "duplicateOf", "#" + original).code());

            assertEquals(3, site.count("SELECT vote_count FROM contribution WHERE id = ?", original), "v1, v2 once, v3; never x on their own");
            assertEquals(3, site.count("SELECT count(*) FROM vote WHERE contribution_id = ?", original));
            assertEquals(0, site.count("SELECT vote_count FROM contribution WHERE id = ?", duplicate));
            assertEquals(0, site.count("SELECT count(*) FROM vote WHERE contribution_id = ?", duplicate));
            assertEquals(1, site.count("SELECT count(*) FROM follow WHERE contribution_id = ? AND member_id = ?", original, follower.memberId));
            assertEquals(0, site.count("SELECT count(*) FROM follow WHERE contribution_id = ?", duplicate));
            String page = site.visitor().page("/contributions/" + duplicate);
            assertTrue(page.contains("Merged into:") && page.contains("href=\"/contributions/" + original + "\""));
            assertEquals(409, moderator.post(path, "status", "ACCEPTED", "body", "Changed my mind").code());
        });
    }

    @Test
    void theAuditLogRecordsDecisionsForOwnersAndManagersAndIsNeverEdited() {
        Site.run(dir, site -> {
            var s = site.openChallenge("A lighter pan");
            var manager = s.staff("Paul Martin", "MANAGER");
            var moderator = s.staff("Mona Roy", "MODERATOR");
            var eve = site.member("Eve Adams");
            long id = site.contribute(eve, s.challenge(), "Hollow handle");
            moderator.post("/contributions/" + id + "/responses", "status", "SHORTLISTED", "body", "On the short list");
            eve.post("/organisations/" + s.organisation() + "/apply", "city", "Lyon", "country", "France", "ageRange", "25-34",
                    "occupation", "Cook", "productUse", "Daily", "skills", "cooking", "motivation", "Care");
            moderator.post("/organisations/" + s.organisation() + "/community/" + eve.memberId + "/decline", "message", "Not this season");
            String audit = "/organisations/" + s.organisation() + "/audit";
            for (Browser reader : List.of(s.owner(), manager, moderator)) {
                String page = reader.page(audit);
                assertTrue(page.contains("Status: shortlisted") && page.contains("On the short list") && page.contains("Mona Roy"));
                assertTrue(page.contains("Application declined") && page.contains("Not this season"));
            }
            assertEquals(403, eve.get(audit).code());
            assertTrue(Site.location(site.visitor().get(audit)).startsWith("/login"));
            assertEquals(404, s.owner().get("/organisations/999/audit").code());
            assertThrows(Exception.class, () -> site.execute("UPDATE audit_log SET detail = 'nothing happened'"));
            assertThrows(Exception.class, () -> site.execute("DELETE FROM audit_log"));
            assertEquals(2, site.count("SELECT count(*) FROM audit_log"));
        });
    }

    @Test
    void membersFollowWhatTheyWriteOrCommentOnAndCanStop() {
        Site.run(dir, site -> {
            var s = site.openChallenge("A lighter pan");
            var eve = site.member("Eve Adams");
            var bob = site.member("Bob Stone");
            long id = site.contribute(eve, s.challenge(), "Hollow handle");
            assertEquals(1, site.count("SELECT count(*) FROM follow WHERE contribution_id = ? AND member_id = ?", id, eve.memberId));
            site.comment(bob, id, "Nice", null);
            assertEquals(1, site.count("SELECT count(*) FROM follow WHERE contribution_id = ? AND member_id = ?", id, bob.memberId));
            var stopped = bob.postForFragment("/contributions/" + id + "/unfollow");
            assertEquals(200, stopped.code());
            assertTrue(stopped.body().string().contains("/follow\""));
            assertEquals(0, site.count("SELECT count(*) FROM follow WHERE contribution_id = ? AND member_id = ?", id, bob.memberId));
            assertEquals(302, bob.post("/contributions/" + id + "/follow").code());
            assertTrue(bob.page("/contributions/" + id).contains("Following ✓"));
            var visitor = site.visitor();
            visitor.get("/login");
            assertTrue(Site.location(visitor.post("/contributions/" + id + "/follow")).startsWith("/login"));
            assertEquals(404, bob.post("/contributions/999/follow").code());
        });
    }
}
