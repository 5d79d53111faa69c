package app.atelier.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.atelier.support.Html;
import app.atelier.support.Site;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a person new to Atelier meets in their first hour, through HTTP: a word after each action, an address to
 * verify said on every page until it is, a refused action that comes back to its page with the reason, and vote
 * buttons only where a vote would count.
 */
class FirstHourTest {
    @TempDir
    Path dir;

    @Test
    void aNewAccountIsToldToCheckItsEmailOnEveryPageAndCanHaveTheLinkSentAgain() {
        Site.run(dir, site -> {
            var ana = site.signUp("Ana Ruiz", "ana@example.test");
            var page = Html.of(ana.page("/challenges"));
            assertTrue(page.text("form.check-email").contains("we sent a link to ana@example.test"), page.text("main"));
            var again = ana.post("/account/verify", "back", "/challenges");
            assertEquals("/challenges", Site.location(again));
            assertTrue(Html.of(ana.page("/challenges")).text("main p.notice").contains("We sent you a new link"));
            assertEquals(2, site.count("SELECT count(*) FROM outbox WHERE to_address = 'ana@example.test'"));
            assertEquals("/", Site.location(ana.post("/account/verify", "back", "https://elsewhere.example/")), "never sent away");
            site.verify(ana);
            assertFalse(ana.page("/challenges").contains("check-email"), "gone once verified");
            assertFalse(site.visitor().page("/challenges").contains("check-email"));
        });
    }

    @Test
    void eachActionSaysWhatHappenedOnThePageThatFollows() {
        Site.run(dir, site -> {
            var owner = site.member("Claire Vidal");
            site.verify(owner);
            var created = owner.post("/organisations", "name", "Maison Vidal", "description", "We make things.");
            String org = Site.location(created);
            assertTrue(Html.of(owner.page(org)).text("main p.notice").contains("Maison Vidal is created, and you are its owner."));
            assertFalse(owner.page(org).contains("is created"), "said once");
            long organisation = Long.parseLong(org.substring(org.lastIndexOf('/') + 1));
            long challenge = site.challenge(owner, organisation, "A lighter pan");
            assertEquals(302, site.move(owner, challenge, "OPEN").code());
            assertTrue(Html.of(owner.page("/challenges/" + challenge)).text("main p.notice").contains("The challenge is open"));

            var eve = site.member("Eve Adams");
            eve.post("/organisations/" + organisation + "/apply", "city", "Lyon", "country", "France", "ageRange", "25-34", "occupation", "Cook",
                    "productUse", "Daily", "skills", "cooking", "motivation", "Care");
            assertEquals(302, owner.post("/organisations/" + organisation + "/community/" + eve.memberId + "/approve", "message", "Welcome").code());
            assertTrue(owner.page("/organisations/" + organisation + "/community").contains("The applicant is in the community, and told so."));

            assertEquals(302, eve.post("/account/delete", "password", Site.PASSWORD).code());
            assertTrue(eve.page("/").contains("Your account is deleted."));
        });
    }

    @Test
    void theModerationQueueShowsACommentAsTextNotAsMarkdown() {
        Site.run(dir, site -> {
            var pan = site.openChallenge("A lighter pan").withIdea("Eve Adams", "Hollow handle");
            long comment = site.comment(pan.author(), pan.idea(), "**Buy** now at [my shop](https://shop.example)", null);
            site.member("Dan Roe").post("/comments/" + comment + "/flag", "reason", "SPAM");
            String queue = Html.of(pan.owner().page("/organisations/1/moderation")).text("main");
            assertTrue(queue.contains("Buy now at my shop") && !queue.contains("**"), queue);
        });
    }

    @Test
    void aDecisionSaysWhatWasDecidedBesideTheAcceptedContributions() {
        Site.run(dir, site -> {
            var pan = site.openChallenge("A lighter pan").withIdea("Eve Adams", "Hollow handle");
            String challenge = "/challenges/" + pan.challenge();
            assertEquals(302, site.move(pan.owner(), pan.challenge(), "REVIEW").code());
            var page = Html.of(pan.owner().page(challenge));
            assertEquals(challenge + "/decision", page.link("a[href$=/decision]"), "recording the decision leads to a form that asks what it is");
            assertEquals(200, pan.owner().get(challenge + "/decision").code());
            var blank = pan.owner().post(challenge + "/decision", "outcome", " ");
            assertEquals(422, blank.code());
            assertTrue(blank.body().string().contains("Please fill this in."), "the form says what is missing");
            assertEquals(422, pan.owner().post(challenge + "/decision", "outcome", "x".repeat(5_001)).code());
            assertEquals(403, pan.author().post(challenge + "/decision", "outcome", "Mine").code(), "a contributor does not decide");
            assertEquals("REVIEW", site.text("SELECT state FROM challenge WHERE id = ?", pan.challenge()), "nothing decided by a refused form");
            assertEquals(302, pan.owner().post(challenge + "/decision", "outcome", "We make the hollow handle.\nThe rest waits for next year. <script>x</script>").code());
            var decided = Html.of(site.visitor().page(challenge));
            assertTrue(decided.text("#outcome p.decision").startsWith("We make the hollow handle."), decided.text("main"));
            assertFalse(site.visitor().page(challenge).contains("<script>x"), "written as text");
            assertEquals(409, pan.owner().post(challenge + "/decision", "outcome", "Again").code(), "decided once");
        });
    }

    @Test
    void votesAreOfferedOnlyWhereTheyCountAndARefusalComesBackToItsPage() {
        Site.run(dir, site -> {
            var scene = site.openChallenge("A lighter pan", "voteBudget", "1");
            var eve = site.member("Eve Adams");
            long a = site.contribute(eve, scene.challenge(), "Idea A");
            long b = site.contribute(eve, scene.challenge(), "Idea B");
            String page = "/challenges/" + scene.challenge();
            assertFalse(Html.of(scene.owner().page(page)).has("form.vote-form"), "the organisation's team does not vote, and is not offered to");
            assertEquals(403, scene.owner().post("/contributions/" + a + "/vote").code());
            assertFalse(Html.of(eve.page(page)).has("form.vote-form"), "nor does one vote for oneself");

            var bob = site.member("Bob Stone");
            assertEquals(2, Html.of(bob.page(page)).texts("form.vote-form button").size());
            assertEquals(302, bob.post("/contributions/" + a + "/vote").code());
            var cards = Html.of(bob.page(page));
            assertEquals(1, cards.texts("form.vote-form button").size(), "only taking back the vote given");
            assertTrue(cards.text("#votes-" + b).contains("No vote left: take one back to vote here."));
            assertFalse(bob.page("/contributions/" + b).contains("vote-form\" data-swap=\"#votes-" + b), "the contribution's page says the same");

            var refused = bob.postFrom(page, "/contributions/" + b + "/vote", "back", page);
            assertEquals(page, Site.location(refused), "a refusal comes back to the page it came from");
            var told = Html.of(bob.page(page));
            assertTrue(told.text("main p.notice.refusal").contains("You have used your one vote in this challenge."), told.text("main"));
            assertEquals(1, site.count("SELECT count(*) FROM vote WHERE member_id = ?", bob.memberId));
            assertEquals(409, bob.post("/contributions/" + b + "/vote").code(), "without a page to go back to, the status says it");
        });
    }
}
