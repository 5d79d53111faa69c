package app.atelier.contribution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.atelier.Config;
import app.atelier.image.ImageStore;
import app.atelier.notification.Notifier;
import app.atelier.support.Browser;
import app.atelier.support.Html;
import app.atelier.support.Site;
import app.atelier.web.RateLimit;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ContributionRoutesTest {
    @TempDir
    Path dir;

    @Test
    void aMemberSubmitsAnIdeaToAnOpenChallenge() {
        Site.run(dir, site -> {
            var pan = site.openChallenge("A lighter pan");
            var eve = site.member("Eve Adams");
            assertTrue(eve.page("/challenges/" + pan.challenge() + "/contribute").contains("A new idea"));
            long id = site.contribute(eve, pan.challenge(), "Hollow handle");
            String page = site.visitor().page("/contributions/" + id);
            assertTrue(page.contains("Hollow handle") && page.contains("Eve Adams") && page.contains("<em>Hollow handle</em>"));
            String list = site.visitor().page("/challenges/" + pan.challenge());
            assertTrue(list.contains("Hollow handle") && list.contains("No votes") && list.contains("No comments"));
            assertEquals(1, site.count("SELECT contribution_count FROM challenge WHERE id = ?", pan.challenge()));
        });
    }

    @Test
    void contributingNeedsASignedInMemberAndAnOpenChallenge() {
        Site.run(dir, site -> {
            var draft = site.draftChallenge("Draft");
            long open = site.openChallenge(draft.owner(), draft.organisation(), "Open");
            var eve = site.member("Eve Adams");
            var visitor = site.visitor();
            assertTrue(Site.location(visitor.get("/challenges/" + open + "/contribute")).startsWith("/login"));
            visitor.get("/login");
            assertTrue(Site.location(visitor.post("/challenges/" + open + "/contributions", "kind", "IDEA", "title", "t", "body", "b")).startsWith("/login"));
            assertEquals(404, eve.post("/challenges/" + draft.challenge() + "/contributions", "kind", "IDEA", "title", "t", "body", "b").code());
            assertEquals(404, eve.post("/challenges/777/contributions", "kind", "IDEA", "title", "t", "body", "b").code());
            site.close(draft.owner(), open);
            var closed = eve.post("/challenges/" + open + "/contributions", "kind", "IDEA", "title", "t", "body", "b");
            assertEquals(409, closed.code());
            assertTrue(closed.body().string().contains("does not accept contributions now"));
            assertEquals(409, eve.get("/challenges/" + open + "/contribute").code());
            assertEquals(0, site.count("SELECT count(*) FROM contribution"));
        });
    }

    @Test
    void badContributionsAreRefusedBesideTheirFieldAndKept() {
        Site.run(dir, site -> {
            var pan = site.openChallenge("A lighter pan");
            var eve = site.member("Eve Adams");
            String path = "/challenges/" + pan.challenge() + "/contributions";
            record Case(String kind, String title, String body, String message) {
            }
            for (var c : List.of(
                    new Case("IDEA", "", "kept body", "Please fill this in."),
                    new Case("IDEA", "t".repeat(141), "kept body", "At most 140 characters"),
                    new Case("IDEA", "kept title", "", "Please fill this in."),
                    new Case("IDEA", "kept title", "b".repeat(20_001), "At most 20,000 characters"),
                    new Case("DESIGN", "kept title", "kept body", "Please choose one of the options."),
                    new Case("", "kept title", "kept body", "Please choose one of the options."))) {
                var response = eve.post(path, "kind", c.kind(), "title", c.title(), "body", c.body());
                assertEquals(422, response.code(), c.toString());
                String page = response.body().string();
                assertTrue(page.contains(c.message()), c.toString());
                assertTrue(page.contains("kept"), "keeps what was typed: " + c);
            }
            assertEquals(0, site.count("SELECT count(*) FROM contribution"));
        });
    }

    @Test
    void scriptsInMarkdownAreShownAsText() {
        Site.run(dir, site -> {
            var pan = site.openChallenge("A lighter pan");
            var eve = site.member("Eve Adams");
            long id = Site.idFrom(eve.post("/challenges/" + pan.challenge() + "/contributions", "kind", "IDEA",
                    "title", "<script>alert('t')</script>", "body", "<script>alert('b')</script> [x](javascript:alert(1))"));
            String page = site.visitor().page("/contributions/" + id);
            assertFalse(page.contains("<script>alert"), "no live script");
            assertFalse(page.contains("href=\"javascript:"));
            assertTrue(page.contains("&lt;script&gt;alert("));
        });
    }

    @Test
    void onlyTheAuthorEditsTheirContributionWhileTheChallengeIsOpen() {
        Site.run(dir, site -> {
            var pan = site.openChallenge("A lighter pan").withIdea("Eve Adams", "Hollow handle");
            var mallory = site.member("Mallory Stone");
            for (Browser refused : List.of(mallory, pan.owner())) {
                assertEquals(403, refused.get("/contributions/" + pan.idea() + "/edit").code());
                assertEquals(403, refused.post("/contributions/" + pan.idea(), "kind", "IDEA", "title", "Mine", "body", "b").code());
            }
            assertTrue(Site.location(site.visitor().get("/contributions/" + pan.idea() + "/edit")).startsWith("/login"));
            assertTrue(pan.author().page("/contributions/" + pan.idea() + "/edit").contains("Hollow handle"));
            var empty = pan.author().post("/contributions/" + pan.idea(), "kind", "IDEA", "title", "", "body", "new body");
            assertEquals(422, empty.code());
            assertTrue(empty.body().string().contains("new body"));
            assertEquals("Hollow handle", site.text("SELECT title FROM contribution WHERE id = ?", pan.idea()), "nothing saved is lost");
            site.clock.advance(Duration.ofMinutes(3));
            assertEquals(302, pan.author().post("/contributions/" + pan.idea(), "kind", "IDEA", "title", "Hollow, lighter handle", "body", "b").code());
            String page = site.visitor().page("/contributions/" + pan.idea());
            assertTrue(page.contains("Hollow, lighter handle") && page.contains("edited"));
            site.close(pan.owner(), pan.challenge());
            assertEquals(409, pan.author().post("/contributions/" + pan.idea(), "kind", "IDEA", "title", "After close", "body", "b").code());
        });
    }

    @Test
    void votingTwiceCountsOnceAndAVoteCanBeTakenBack() {
        Site.run(dir, site -> {
            var pan = site.openChallenge("A lighter pan").withIdea("Eve Adams", "Hollow handle");
            var bob = site.member("Bob Stone");
            assertEquals(302, bob.post("/contributions/" + pan.idea() + "/vote").code());
            assertEquals(302, bob.post("/contributions/" + pan.idea() + "/vote").code());
            assertEquals(1, site.count("SELECT vote_count FROM contribution WHERE id = ?", pan.idea()));
            assertTrue(bob.page("/contributions/" + pan.idea()).contains("aria-pressed=\"true\""));
            assertTrue(site.visitor().page("/challenges/" + pan.challenge()).contains("1 vote"));
            var back = bob.post("/contributions/" + pan.idea() + "/unvote", "back", "/challenges/" + pan.challenge() + "?sort=top");
            assertEquals("/challenges/" + pan.challenge() + "?sort=top", Site.location(back));
            bob.post("/contributions/" + pan.idea() + "/unvote");
            assertEquals(0, site.count("SELECT vote_count FROM contribution WHERE id = ?", pan.idea()));
            assertEquals(0, site.count("SELECT count(*) FROM vote"));
        });
    }

    @Test
    void whoMayVote() {
        Site.run(dir, site -> {
            var pan = site.openChallenge("A lighter pan").withIdea("Eve Adams", "Hollow handle");
            var own = pan.author().post("/contributions/" + pan.idea() + "/vote");
            assertEquals(403, own.code());
            assertTrue(own.body().string().contains("cannot vote for your own"));
            var visitor = site.visitor();
            visitor.get("/login");
            assertTrue(Site.location(visitor.post("/contributions/" + pan.idea() + "/vote")).startsWith("/login"));
            assertEquals(403, site.member("Bob Stone").postRaw("/contributions/" + pan.idea() + "/vote").code(), "no token");
            assertEquals(404, pan.owner().post("/contributions/999/vote").code());
            var ownVote = pan.owner().post("/contributions/" + pan.idea() + "/vote");
            assertEquals(403, ownVote.code(), "the organisation's team does not vote: the ranking is the community's");
            assertTrue(ownVote.body().string().contains("does not vote on its own challenges"));
            assertEquals(302, site.member("Dan Roe").post("/contributions/" + pan.idea() + "/vote").code());
            site.close(pan.owner(), pan.challenge());
            assertEquals(409, site.member("Carl Dunn").post("/contributions/" + pan.idea() + "/vote").code());
            assertEquals(1, site.count("SELECT vote_count FROM contribution WHERE id = ?", pan.idea()));
        });
    }

    @Test
    void listsArePagedAndSortedByTopNewestAndTrending() {
        Site.run(dir, site -> {
            var pan = site.openChallenge("A lighter pan");
            var eve = site.member("Eve Adams");
            var bob = site.member("Bob Stone");
            var cleo = site.member("Cleo Park");
            site.clock.advance(Duration.ofDays(1)); // past a new member's first-day limits
            long old = site.contribute(eve, pan.challenge(), "Old favourite");
            bob.post("/contributions/" + old + "/vote");
            cleo.post("/contributions/" + old + "/vote");
            for (int i = 1; i <= 21; i++) {
                site.clock.advance(Duration.ofMinutes(1));
                site.contribute(eve, pan.challenge(), "Filler idea " + i);
            }
            site.clock.advance(Duration.ofDays(2));
            long fresh = site.contribute(eve, pan.challenge(), "Fresh idea");
            bob.post("/contributions/" + fresh + "/vote");
            String top = site.visitor().page("/challenges/" + pan.challenge() + "?sort=top");
            assertTrue(top.indexOf("Old favourite") < top.indexOf("Fresh idea"), "top: most votes first");
            String newest = site.visitor().page("/challenges/" + pan.challenge() + "?sort=newest");
            assertTrue(newest.indexOf("Fresh idea") < newest.indexOf("Filler idea 21"));
            assertFalse(newest.contains("Old favourite"), "the oldest is on page two");
            String second = site.visitor().page(Html.of(newest).link("a[rel=next]"));
            assertTrue(second.contains("Old favourite") && !second.contains("Fresh idea"), "the next page starts after the last row shown");
            assertFalse(second.contains("rel=\"next\""), "and it is the last");
            String trending = site.visitor().page("/challenges/" + pan.challenge() + "?sort=trending");
            assertTrue(trending.indexOf("Fresh idea") < trending.indexOf("Old favourite"), "trending: a fresh vote beats old ones");
            assertEquals(200, site.visitor().get("/challenges/" + pan.challenge() + "?sort=bogus&page=-4").code());
            assertEquals(400, site.visitor().get("/challenges/" + pan.challenge() + "?sort=top&after=1;DROP").code(), "a cursor we did not write");
        });
    }

    @Test
    void theScriptGetsTheVoteBoxBackInsteadOfARedirect() {
        Site.run(dir, site -> {
            var pan = site.openChallenge("A lighter pan");
            long id = site.contribute(site.member("Eve Adams"), pan.challenge(), "Hollow handle");
            var bob = site.member("Bob Stone");
            var voted = bob.postForFragment("/contributions/" + id + "/vote", "back", "/challenges/" + pan.challenge());
            assertEquals(200, voted.code());
            String box = voted.body().string().strip();
            assertTrue(box.startsWith("<div class=\"votes\" id=\"votes-" + id + "\""), box);
            assertTrue(box.contains("1 vote") && box.contains("/unvote") && box.contains("value=\"/challenges/" + pan.challenge() + "\""));
            assertFalse(box.contains("<html"), "only the box");
            var taken = bob.postForFragment("/contributions/" + id + "/unvote");
            assertTrue(taken.body().string().contains("No votes"));
            assertEquals(403, site.member("Carl Dunn").postRaw("/contributions/" + id + "/vote").code());
        });
    }

    @Test
    void markdownIsPreviewedForSignedInMembersOnly() {
        Site.run(dir, site -> {
            var eve = site.member("Eve Adams");
            var preview = eve.postForFragment("/preview", "body", "**bold** <script>x</script>");
            assertEquals(200, preview.code());
            String html = preview.body().string();
            assertTrue(html.contains("<strong>bold</strong>") && html.contains("&lt;script&gt;"), html);
            assertEquals(422, eve.postForFragment("/preview", "body", "x".repeat(20_001)).code());
            assertEquals(403, eve.postRaw("/preview", "body", "no token").code());
            var visitor = site.visitor();
            visitor.get("/login");
            assertEquals(302, visitor.postForFragment("/preview", "body", "hi").code());
        });
    }

    private static long challengeWith(Site site, Browser owner, String... fields) {
        long org = site.organisation(owner, "Maison Vidal");
        var all = new java.util.ArrayList<>(List.of("title", "Voting challenge", "brief", "b", "stage", "IDEA_GENERATION", "mode", "OUTSIDE_IN"));
        all.addAll(List.of(fields));
        long id = Site.idFrom(owner.post("/organisations/" + org + "/challenges", all.toArray(String[]::new)));
        site.move(owner, id, "OPEN");
        return id;
    }

    @Test
    void aVoteBudgetLimitsVotesAndTakingOneBackGivesItBack() {
        Site.run(dir, site -> {
            var owner = site.member("Claire Vidal");
            long challenge = challengeWith(site, owner, "voteBudget", "2");
            var eve = site.member("Eve Adams");
            long a = site.contribute(eve, challenge, "Idea A");
            long b = site.contribute(eve, challenge, "Idea B");
            long c = site.contribute(eve, challenge, "Idea C");
            var bob = site.member("Bob Stone");
            assertTrue(bob.page("/challenges/" + challenge).contains("2 of 2 votes left"));
            bob.post("/contributions/" + a + "/vote");
            bob.post("/contributions/" + b + "/vote");
            assertTrue(bob.page("/challenges/" + challenge).contains("0 of 2 votes left"));
            var refused = bob.post("/contributions/" + c + "/vote");
            assertEquals(409, refused.code());
            assertTrue(refused.body().string().contains("used all 2 of your votes"));
            assertEquals(302, bob.post("/contributions/" + a + "/vote").code(), "voting again for the same one costs nothing");
            bob.post("/contributions/" + a + "/unvote");
            assertEquals(302, bob.post("/contributions/" + c + "/vote").code());
            assertEquals(2, site.count("SELECT count(*) FROM vote WHERE member_id = ?", bob.memberId));
            assertEquals(422, owner.post("/organisations/1/challenges", "title", "T", "brief", "b", "stage", "LAUNCH", "mode", "OUTSIDE_IN", "voteBudget", "ten").code());
            assertEquals(422, owner.post("/organisations/1/challenges", "title", "T", "brief", "b", "stage", "LAUNCH", "mode", "OUTSIDE_IN", "voteBudget", "0").code());
        });
    }

    @Test
    void whileVotingEachMemberSeesAShuffleOfTheirOwnThatStaysTheSame() {
        Site.run(dir, site -> {
            var owner = site.member("Claire Vidal");
            long challenge = challengeWith(site, owner);
            var eve = site.member("Eve Adams");
            site.clock.advance(Duration.ofDays(1)); // past a new member's first-day limits
            for (int i = 1; i <= 15; i++) site.contribute(eve, challenge, "Idea number " + i + ".");
            site.move(owner, challenge, "VOTING");
            var bob = site.member("Bob Stone");
            var ada = site.member("Ada Lovelace");
            var bobs = order(bob.page("/challenges/" + challenge));
            assertTrue(bob.page("/challenges/" + challenge).contains("aria-current=\"page\">Random"), "random by default while voting");
            assertEquals(bobs, order(bob.page("/challenges/" + challenge)), "the same order at every visit");
            assertFalse(bobs.equals(order(ada.page("/challenges/" + challenge))), "another member, another order");
            assertFalse(bobs.equals(order(bob.page("/challenges/" + challenge + "?sort=newest"))));
        });
    }

    private static List<String> order(String page) {
        return Html.of(page).texts(".card.contribution h3 a");
    }

    @Test
    void reachingTheThresholdPutsAContributionUnderReviewWithAnAutomaticResponse() {
        Site.run(dir, site -> {
            var owner = site.member("Claire Vidal");
            long challenge = challengeWith(site, owner, "reviewThreshold", "2");
            var eve = site.member("Eve Adams");
            long id = site.contribute(eve, challenge, "Popular idea");
            site.member("Bob Stone").post("/contributions/" + id + "/vote");
            assertEquals("SUBMITTED", site.text("SELECT status FROM contribution WHERE id = ?", id));
            site.member("Ada Lovelace").post("/contributions/" + id + "/vote");
            assertEquals("UNDER_REVIEW", site.text("SELECT status FROM contribution WHERE id = ?", id));
            String page = site.visitor().page("/contributions/" + id);
            assertTrue(page.contains("reached 2 votes: it is now under review"), page);
            site.member("Carl Dunn").post("/contributions/" + id + "/vote");
            assertEquals(1, site.count("SELECT count(*) FROM official_response WHERE contribution_id = ?", id), "once");
            assertTrue(eve.page("/notifications").contains("answered “Popular idea”: Under review"), "the author hears of it");
            assertTrue(owner.page("/organisations/1/audit").contains("Under review by itself"));
        });
    }

    @Test
    void listsShowTheWordsOfAContributionWithoutItsMarkdownAndOldOnesAreFilledAfterStart() {
        Site.run(dir, site -> {
            var pan = site.openChallenge("A lighter pan");
            var eve = site.member("Eve Adams");
            long id = Site.idFrom(eve.post("/challenges/" + pan.challenge() + "/contributions", "kind", "IDEA", "title", "Hollow handle",
                    "body", "A **hollow** handle:\n\n| weight | grip |\n|---|---|\n| less | better |"));
            var card = Html.of(site.visitor().page("/challenges/" + pan.challenge())).text(".card.contribution");
            assertTrue(card.contains("A hollow handle: weight grip less better"), card);
            assertFalse(card.contains("**") || card.contains("|"), card);
            pan.owner().post("/contributions/" + id + "/responses", "status", "SHORTLISTED", "body", "On our **short list**.");
            var response = Html.of(site.visitor().page("/challenges/" + pan.challenge())).text(".card.contribution .response-excerpt");
            assertEquals("Official response: On our short list.", response);
            eve.post("/contributions/" + id, "kind", "IDEA", "title", "Hollow handle", "body", "Now _lighter_ still");
            assertEquals("Now lighter still", site.text("SELECT excerpt FROM contribution WHERE id = ?", id), "an edit writes it again");
            site.execute("UPDATE contribution SET excerpt = NULL, latest_response = 'On our **short list**.'");
            int filled = site.withDatabase(db -> new ContributionService(db, site.clock, RateLimit.posts(10_000),
                    new Notifier("http://localhost", Config.HOME_ZONE), new ImageStore(site.folder.resolve("designs"), "images")).fillExcerpts());
            assertEquals(1, filled);
            assertEquals("Now lighter still", site.text("SELECT excerpt FROM contribution WHERE id = ?", id), "written before excerpts were kept");
            assertEquals("On our short list.", site.text("SELECT latest_response FROM contribution WHERE id = ?", id), "and the response's words");
        });
    }
}
