package app.atelier.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.atelier.support.Browser;
import app.atelier.support.Html;
import app.atelier.support.Site;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SearchTest {
    @TempDir
    Path dir;

    private static List<String> titles(Browser browser, String words, String... filters) {
        String address = "/search?q=" + URLEncoder.encode(words, StandardCharsets.UTF_8) + String.join("", filters);
        return Html.of(browser.page(address)).texts("li.result h2 a");
    }

    private static long post(Browser member, long challenge, String title, String body) {
        return Site.idFrom(member.post("/challenges/" + challenge + "/contributions", "kind", "IDEA", "title", title, "body", body));
    }

    @Test
    void wordsAreFoundWhateverTheirAccentsAndFormsTheBestFirstWithTheMatchMarked() {
        Site.run(dir, site -> {
            var pan = site.openChallenge("Savon et idées pour la cuisine");
            var eve = site.member("Eve Adams");
            post(eve, pan.challenge(), "Une idée de savon solide", "Pour laver la fonte sans abîmer l'émail.");
            post(eve, pan.challenge(), "Un porte-éponge", "Avec une place pour le savon, une bonne idée <script>alert(1)</script>.");
            post(eve, pan.challenge(), "Un couvercle", "Rien à voir.");
            post(site.member("Bob Stone"), pan.challenge(), "Un égouttoir", "Un **égouttoir** en [chêne](https://example.com), `huilé`.");

            var visitor = site.visitor();
            var found = titles(visitor, "savons idee");
            assertEquals(List.of("Savon et idées pour la cuisine", "Une idée de savon solide"), found.subList(0, 2).stream().sorted().toList(),
                    "accents fold, plurals match, a match in the title ranks first");
            assertEquals(List.of("Un porte-éponge"), found.subList(2, found.size()), "a match in the text alone comes after");
            assertEquals(titles(visitor, "savons idee"), titles(visitor, "SAVON Idées"));
            String page = visitor.page("/search?q=savon");
            var html = Html.of(page);
            assertEquals("savon", html.text("li.result:nth-of-type(1) h2 mark").toLowerCase(Locale.ROOT));
            assertTrue(html.texts("li.result p.snippet").stream().anyMatch(s -> s.contains("<script>alert(1)</script>")), "shown as text");
            assertFalse(page.contains("<script>alert(1)"), "never as markup");
            assertEquals(List.of("Un égouttoir en chêne, huilé."), Html.of(visitor.page("/search?q=egouttoir")).texts("li.result p.snippet"),
                    "the words, not the marks nor the address");
            assertEquals(List.of("Un porte-éponge"), titles(visitor, "savon", "&found=CONTRIBUTION", "&kind=IDEA", "&status=SUBMITTED").subList(1, 2),
                    "narrowed to contributions");
            assertEquals(List.of(), titles(visitor, "savon", "&kind=DESIGN"));
            assertEquals(List.of("Savon et idées pour la cuisine"), titles(visitor, "savon", "&found=CHALLENGE"));
            assertTrue(html.has("header form[role=search][action=/search] input[name=q]"), "a search box in every header");

            assertEquals(400, visitor.get("/search?q=savon&kind=POEM").code());
            assertEquals(400, visitor.get("/search?q=savon&page=51").code());
            assertTrue(visitor.page("/search?q=" + "a".repeat(201)).contains("at most 200 characters"));
            assertTrue(visitor.page("/search?q=%22%29%20OR%20*%20NEAR(").contains("Nothing found"), "the index's own syntax is taken as words");
            assertTrue(visitor.page("/search?q=%2A%2B").contains("Type a few words"), "no word at all");
            assertTrue(visitor.page("/search?q=zzzz").contains("Nothing found"));
        });
    }

    @Test
    void resultsFollowEditsHidesAndDeletions() {
        Site.run(dir, site -> {
            var pan = site.openChallenge("A lighter pan").withIdea("Eve Adams", "Hollow handle");
            var visitor = site.visitor();
            assertEquals(List.of("Hollow handle"), titles(visitor, "hollow"));
            pan.author().post("/contributions/" + pan.idea(), "kind", "IDEA", "title", "Bamboo handle", "body", "Cooler to hold.");
            assertEquals(List.of(), titles(visitor, "hollow"), "an edit takes the old words out");
            assertEquals(List.of("Bamboo handle"), titles(visitor, "bamboo"));

            var finn = site.member("Finn Larsen");
            long comment = site.comment(finn, pan.idea(), "Walnut would be warmer", null);
            assertEquals(List.of("Bamboo handle"), titles(visitor, "walnut"), "a comment is found under its contribution's title");
            assertEquals(302, finn.post("/comments/" + comment + "/delete").code());
            assertEquals(List.of(), titles(visitor, "walnut"), "a deleted comment is gone");

            assertEquals(302, pan.owner().post("/moderation/contribution/" + pan.idea() + "/hide", "reason", "Off topic").code());
            assertEquals(List.of(), titles(visitor, "bamboo"), "a hidden contribution is not found");
            assertEquals(List.of(), titles(pan.owner(), "bamboo"), "not even by the staff");
        });
    }

    @Test
    void nobodyFindsWhatTheyMayNotSee() {
        Site.run(dir, site -> {
            var claire = site.member("Claire Vidal");
            long vidal = site.organisation(claire, "Maison Vidal");
            site.challenge(claire, vidal, "Draft quartz kettle");
            long members = site.openChallenge(claire, vidal, "Private quartz teapot", "mode", "COMMUNITY", "visibility", "PRIVATE");
            long contest = site.openChallenge(claire, vidal, "Public quartz contest", "visibility", "CONFIDENTIAL");
            var eve = site.member("Eve Adams");
            var finn = site.member("Finn Larsen");
            post(eve, contest, "Eve's quartz lid", "Secret until the end.");
            site.joinCommunity(claire, vidal, finn);
            post(finn, members, "Finn's quartz spout", "For members.");

            assertEquals(List.of("Public quartz contest"), titles(site.visitor(), "quartz"));
            assertEquals(List.of("Eve's quartz lid", "Public quartz contest"), titles(eve, "quartz").stream().sorted().toList(), "her own confidential entry");
            assertEquals(5, titles(claire, "quartz").size(), "the staff see their drafts, private and confidential challenges");
            var secret = Html.of(site.visitor().page("/search?q=secret"));
            assertFalse(secret.has("li.result"), "not even as a count");
            assertTrue(secret.text("p[role=status]").startsWith("Nothing found"));
        });
    }

    @Test
    void aContributorSeesSimilarContributionsBeforeSendingAnother() {
        Site.run(dir, site -> {
            var pan = site.openChallenge("A lighter pan").withIdea("Eve Adams", "A hollow handle");
            var finn = site.member("Finn Larsen");
            String post = "/challenges/" + pan.challenge() + "/contributions";
            var shown = finn.post(post, "kind", "IDEA", "title", "Hollow handles", "body", "Lighter and cooler.");
            assertEquals(200, shown.code(), "not saved yet");
            var form = Html.of(shown.body().string());
            assertEquals(List.of("A hollow handle"), form.texts("#similar li a"));
            assertEquals("Lighter and cooler.", form.text("textarea[name=body]"), "the text is kept");
            assertEquals(0, site.count("SELECT count(*) FROM contribution WHERE author_id = ?", finn.memberId));
            assertEquals(List.of("A hollow handle"), Html.of(finn.page("/challenges/" + pan.challenge() + "/similar?title=hollow")).texts("li a"),
                    "what the form's script shows while the title is typed");
            assertEquals(302, finn.post(post, "kind", "IDEA", "title", "Hollow handles", "body", "Lighter and cooler.", "anyway", "yes").code());
            assertEquals(302, finn.post(post, "kind", "IDEA", "title", "Copper base", "body", "Heats evenly.").code(), "nothing like it: saved at once");
            assertEquals(302, finn.post(post, "kind", "IDEA", "title", "A handle of copper", "body", "Warm.").code(),
                    "one word shared with a two-word title is no sign of a repeat");
            assertEquals(List.of("A hollow handle", "Hollow handles"), Html.of(finn.page("/challenges/" + pan.challenge()
                    + "/similar?title=Poign%C3%A9e%20creuse%20hollow%20HANDLES")).texts("li a").stream().sorted().toList(), "two words shared, whatever their case and number");
            assertTrue(Site.location(site.visitor().get("/challenges/" + pan.challenge() + "/similar?title=hollow")).startsWith("/login"));
        });
    }
}
