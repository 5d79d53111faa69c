package app.atelier.contribution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.atelier.support.Browser;
import app.atelier.support.Site;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CommentRoutesTest {
    @TempDir
    Path dir;

    @Test
    void commentsAreThreadedAndCounted() {
        Site.run(dir, site -> {
            var pan = site.openChallenge("A lighter pan").withIdea("Eve Adams", "Hollow handle");
            var bob = site.member("Bob Stone");
            long first = site.comment(bob, pan.idea(), "How hollow **exactly**?", null);
            long reply = site.comment(pan.author(), pan.idea(), "About half.", first);
            String page = site.visitor().page("/contributions/" + pan.idea());
            assertTrue(page.contains("<strong>exactly</strong>"));
            int firstAt = page.indexOf("id=\"comment-" + first + "\"");
            int replyAt = page.indexOf("id=\"comment-" + reply + "\"");
            assertTrue(firstAt > 0 && replyAt > firstAt);
            assertTrue(page.substring(firstAt, replyAt).contains("<ol class=\"thread\">"), "the reply sits inside its parent's thread");
            assertEquals(2, site.count("SELECT comment_count FROM contribution WHERE id = ?", pan.idea()));
            assertTrue(site.visitor().page("/challenges/" + pan.challenge()).contains("2 comments"));
        });
    }

    @Test
    void badCommentsAreRefusedAndWhatWasTypedIsKept() {
        Site.run(dir, site -> {
            var pan = site.openChallenge("A lighter pan").withIdea("Eve Adams", "Hollow handle");
            long other = site.contribute(pan.author(), pan.challenge(), "Other idea");
            long elsewhere = site.comment(pan.author(), other, "Elsewhere", null);
            String path = "/contributions/" + pan.idea() + "/comments";
            assertEquals(422, pan.author().post(path, "body", "   ").code());
            var tooLong = pan.author().post(path, "body", "kept" + "x".repeat(10_000));
            assertEquals(422, tooLong.code());
            assertTrue(tooLong.body().string().contains("At most 10,000 characters"));
            assertEquals(422, pan.author().post(path, "body", "reply", "parent", Long.toString(elsewhere)).code(), "a parent from another contribution");
            assertEquals(422, pan.author().post(path, "body", "reply", "parent", "abc").code());
            var missingParent = pan.author().post(path, "body", "kept reply", "parent", "98765");
            assertEquals(422, missingParent.code());
            assertTrue(missingParent.body().string().contains("kept reply"));
            assertEquals(404, pan.author().post("/contributions/999/comments", "body", "x").code());
            assertEquals(1, site.count("SELECT count(*) FROM comment"));
        });
    }

    @Test
    void whoMayComment() {
        Site.run(dir, site -> {
            var scene = site.openChallenge("A lighter pan");
            var eve = site.member("Eve Adams");
            long id = site.contribute(eve, scene.challenge(), "Hollow handle");
            var visitor = site.visitor();
            visitor.get("/login");
            assertTrue(Site.location(visitor.post("/contributions/" + id + "/comments", "body", "hi")).startsWith("/login"));
            assertEquals(403, eve.postRaw("/contributions/" + id + "/comments", "body", "no token").code());
            site.comment(scene.owner(), id, "Thanks from the team", null);
            site.close(scene.owner(), scene.challenge());
            assertEquals(409, eve.post("/contributions/" + id + "/comments", "body", "too late").code());
            assertEquals(1, site.count("SELECT count(*) FROM comment"));
        });
    }

    @Test
    void onlyTheAuthorEditsOrDeletesAComment() {
        Site.run(dir, site -> {
            var pan = site.openChallenge("A lighter pan").withIdea("Eve Adams", "Hollow handle");
            var bob = site.member("Bob Stone");
            long comment = site.comment(bob, pan.idea(), "First thought", null);
            for (Browser refused : List.of(pan.author(), pan.owner())) {
                assertEquals(403, refused.get("/comments/" + comment + "/edit").code());
                assertEquals(403, refused.post("/comments/" + comment, "body", "rewritten").code());
                assertEquals(403, refused.post("/comments/" + comment + "/delete").code());
            }
            assertTrue(Site.location(site.visitor().get("/comments/" + comment + "/edit")).startsWith("/login"));
            assertTrue(bob.page("/comments/" + comment + "/edit").contains("First thought"));
            assertEquals(422, bob.post("/comments/" + comment, "body", "").code());
            assertEquals("First thought", site.text("SELECT body FROM comment WHERE id = ?", comment));
            assertEquals(302, bob.post("/comments/" + comment, "body", "Second thought").code());
            assertTrue(site.visitor().page("/contributions/" + pan.idea()).contains("Second thought"));
            assertEquals(404, bob.get("/comments/4242/edit").code());
        });
    }

    @Test
    void aDeletedCommentWithRepliesStaysSoTheThreadHolds() {
        Site.run(dir, site -> {
            var pan = site.openChallenge("A lighter pan").withIdea("Eve Adams", "Hollow handle");
            var bob = site.member("Bob Stone");
            long parent = site.comment(bob, pan.idea(), "Parent words", null);
            long reply = site.comment(pan.author(), pan.idea(), "Reply words", parent);
            long lonely = site.comment(bob, pan.idea(), "Lonely words", null);
            assertEquals(302, bob.post("/comments/" + parent + "/delete").code());
            assertEquals(302, bob.post("/comments/" + lonely + "/delete").code());
            String page = site.visitor().page("/contributions/" + pan.idea());
            assertFalse(page.contains("Parent words"));
            assertFalse(page.contains("Lonely words"));
            assertTrue(page.contains("This comment was deleted."));
            assertTrue(page.contains("Reply words"));
            assertEquals(0, site.count("SELECT count(*) FROM comment WHERE id = ?", lonely));
            assertEquals(1, site.count("SELECT deleted FROM comment WHERE id = ?", parent));
            assertEquals(1, site.count("SELECT comment_count FROM contribution WHERE id = ?", pan.idea()));
            assertEquals(404, bob.post("/comments/" + parent + "/delete").code(), "deleting twice finds nothing");
            assertEquals(422, pan.author().post("/contributions/" + pan.idea() + "/comments", "body", "to a ghost", "parent", Long.toString(parent)).code());
            assertTrue(reply > 0);
        });
    }

    @Test
    void theScriptGetsTheCommentsBackInPlace() {
        Site.run(dir, site -> {
            var pan = site.openChallenge("A lighter pan").withIdea("Eve Adams", "Hollow handle");
            var added = pan.author().postForFragment("/contributions/" + pan.idea() + "/comments", "body", "In place");
            assertEquals(200, added.code());
            String section = added.body().string().strip();
            assertTrue(section.startsWith("<section id=\"comments\""), section);
            assertTrue(section.contains("In place") && section.contains("1 comment"), section);
            var refused = pan.author().postForFragment("/contributions/" + pan.idea() + "/comments", "body", "");
            assertEquals(422, refused.code());
            assertTrue(refused.body().string().contains("Please fill this in."));
            assertEquals(1, site.count("SELECT count(*) FROM comment"));
        });
    }

    @Test
    void aLongDiscussionIsReadFiftyThreadsAtATimeAndALinkToACommentFindsItsPage() {
        Site.run(dir, site -> {
            var pan = site.openChallenge("A lighter pan");
            var owner = pan.owner();
            long contribution = site.contribute(owner, pan.challenge(), "Hollow handle");
            // 120 threads, each first comment with a reply and the reply with a reply of its own
            site.execute("""
                    WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 120)
                    INSERT INTO comment (id, contribution_id, author_id, parent_id, body, created_at, updated_at)
                    SELECT 1000 + i * 3, %1$d, %2$d, NULL, 'Thread ' || i, 0, 0 FROM n
                    UNION ALL SELECT 1001 + i * 3, %1$d, %2$d, 1000 + i * 3, 'Reply to ' || i, 0, 0 FROM n
                    UNION ALL SELECT 1002 + i * 3, %1$d, %2$d, 1001 + i * 3, 'Reply to the reply in ' || i, 0, 0 FROM n""".formatted(contribution, owner.memberId));
            String first = site.visitor().page("/contributions/" + contribution);
            assertTrue(first.contains(">Thread 1<") && first.contains(">Thread 50<") && first.contains("Reply to the reply in 50<"));
            assertFalse(first.contains(">Thread 51<"), "fifty threads on a page");
            assertTrue(first.contains("href=\"/contributions/" + contribution + "?from=" + (1000 + 51 * 3) + "#comments\""), "a link to the next fifty");
            String third = site.visitor().page("/contributions/" + contribution + "?from=" + (1000 + 101 * 3));
            assertTrue(third.contains(">Thread 101<") && third.contains(">Thread 120<") && !third.contains(">Thread 100<"));
            assertFalse(third.contains("rel=\"next\""), "the last page");
            String linked = site.visitor().page("/contributions/" + contribution + "?comment=" + (1002 + 77 * 3));
            assertTrue(linked.contains("id=\"comment-" + (1002 + 77 * 3) + "\"") && linked.contains(">Thread 77<"), "a reply's link opens its thread");
            assertEquals(404, site.visitor().get("/contributions/" + contribution + "?from=abc").code());
        });
    }

    @Test
    void eachCommentOffersItsActionsOnAPageOfItsOwnSoTheOwnersDiscussionWeighsLittleMoreThanAVisitors() {
        Site.run(dir, site -> {
            var scene = site.openChallenge("A lighter pan");
            var eve = site.member("Eve Adams");
            long contribution = site.contribute(eve, scene.challenge(), "Hollow handle");
            site.execute("""
                    WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 150)
                    INSERT INTO comment (id, contribution_id, author_id, parent_id, body, created_at, updated_at)
                    SELECT 1000 + i, %1$d, %2$d, NULL, 'Thought ' || i, 0, 0 FROM n""".formatted(contribution, eve.memberId));
            int visitor = site.visitor().page("/contributions/" + contribution).length();
            String owners = scene.owner().page("/contributions/" + contribution);
            assertTrue(owners.length() < 2 * visitor, "the owner's page " + owners.length() + " bytes, a visitor's " + visitor);
            assertFalse(owners.contains("/comments/1001/helpful"), "no form per comment");
            assertTrue(owners.contains("href=\"/comments/1001/actions\""));
            assertTrue(owners.contains("?comment=1001&amp;reply=1001#reply-1001"), "a reply is a link to the comment's own form");
            assertTrue(scene.owner().page("/contributions/" + contribution + "?comment=1001&reply=1001").contains("id=\"reply-1001\""));
            assertFalse(site.visitor().page("/contributions/" + contribution + "?reply=1001").contains("id=\"reply-1001\""), "a visitor cannot reply");
            assertEquals(404, scene.owner().get("/contributions/" + contribution + "?reply=abc").code());

            String actions = scene.owner().page("/comments/1001/actions");
            assertTrue(actions.contains("/comments/1001/helpful") && actions.contains("/moderation/comment/1001/hide"), "the staff mark and hide");
            var bob = site.member("Bob Stone");
            String bobs = bob.page("/comments/1001/actions");
            assertTrue(bobs.contains("/comments/1001/flag") && !bobs.contains("/helpful") && !bobs.contains("/moderation/"), "a member reports, no more");
            assertTrue(eve.page("/comments/1001/actions").contains("There is nothing more you can do with this comment."));
            assertFalse(eve.page("/contributions/" + contribution).contains("href=\"/comments/1001/actions\""), "no link where nothing can be done");
            assertEquals(302, site.visitor().get("/comments/1001/actions").code(), "sign in first");
            assertEquals(404, bob.get("/comments/999999/actions").code());
            assertEquals(404, bob.get("/comments/abc/actions").code());

            assertEquals(302, scene.owner().post("/moderation/comment/1001/hide", "reason", "Off topic", "back", "/contributions/" + contribution).code());
            assertEquals(404, bob.get("/comments/1001/actions").code(), "a hidden comment is not theirs to read");
            assertTrue(scene.owner().page("/comments/1001/actions").contains("/moderation/comment/1001/restore"));
            assertTrue(bob.page("/comments/1002/actions").contains("Comment by Eve Adams"));
        });
    }
}
