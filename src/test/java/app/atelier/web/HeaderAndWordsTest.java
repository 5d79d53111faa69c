package app.atelier.web;

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

/** What the walk on a phone and a laptop found in every page's frame and in the words of a challenge. */
class HeaderAndWordsTest {
    @TempDir
    Path dir;

    @Test
    void aPhoneGetsAMenuThatOpensWithoutScriptAndCustomersAreNotAskedToFoundACompany() {
        Site.run(dir, site -> {
            var eve = site.member("Eve Adams");
            var home = Html.of(eve.page("/"));
            assertTrue(home.has("header details.menu > summary"), "a disclosure, which needs no script");
            assertEquals(home.links("header nav.wide a"), home.links("header details.menu a"), "the same links in both");
            assertFalse(home.links("header a").contains("/organisations/new"), "not in every customer's navigation");
            assertTrue(Html.of(eve.page("/challenges")).links("main a").contains("/organisations/new"));
            assertTrue(Html.of(eve.page("/members/" + eve.memberId)).links("main a").contains("/organisations/new"), "on one's own profile");
        });
    }

    @Test
    void modesAreSaidInPlainWordsAndTheVoteBudgetOnlyToThoseWhoseVotesCount() {
        Site.run(dir, site -> {
            var open = site.openChallenge("A lighter pan", "voteBudget", "3");
            long community = site.openChallenge(open.owner(), open.organisation(), "Members only", "mode", "COMMUNITY", "voteBudget", "3");
            var french = new Browser(site.app, "fr");
            var page = Html.of(french.page("/challenges/" + open.challenge()));
            assertTrue(page.text(".badges").contains("Ouvert à tous") && page.text(".mode-hint").contains("tout membre connecté peut participer"));
            assertTrue(Html.of(french.page("/challenges/" + community)).text(".badges").contains("Communauté de l’entreprise"));

            assertFalse(Html.of(site.visitor().page("/challenges/" + open.challenge())).has("main p.notice[role=status]"), "a visitor has no budget");
            var eve = site.member("Eve Adams");
            assertEquals("3 of 3 votes left", Html.of(eve.page("/challenges/" + open.challenge())).text("main p.notice[role=status]"));
            assertFalse(Html.of(eve.page("/challenges/" + community)).text("main").contains("votes left"), "outside the community, no budget");
            assertEquals(List.of(), Html.of(eve.page("/challenges/" + community)).links(".votes form"));
        });
    }
}
