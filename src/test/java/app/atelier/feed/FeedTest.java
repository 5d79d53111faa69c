package app.atelier.feed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.atelier.support.Site;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.io.SyndFeedInput;
import java.io.StringReader;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Atom feeds through the running app, read back by ROME as a feed reader would: what visitors may read, and nothing else. */
class FeedTest {
    @TempDir
    Path dir;

    private static SyndFeed read(String atom) {
        try {
            return new SyndFeedInput().build(new StringReader(atom));
        } catch (Exception e) {
            throw new IllegalStateException(atom, e);
        }
    }

    private static List<String> titles(SyndFeed feed) {
        return feed.getEntries().stream().map(SyndEntry::getTitle).toList();
    }

    @Test
    void anOrganisationsPublicChallengesAndAChallengesContributionsAndResponses() {
        Site.run(dir, site -> {
            var scene = site.openChallenge("A lunch box for cyclists").withIdea("Ana Ruiz", "Insulated pannier");
            long community = site.openChallenge(scene.owner(), scene.organisation(), "Members only", "visibility", "PRIVATE");
            assertEquals(302, scene.owner().post("/contributions/" + scene.idea() + "/responses", "status", "ACCEPTED", "body", "We take it.").code());
            var visitor = site.visitor();

            var organisation = visitor.get("/organisations/" + scene.organisation() + "/feed.atom");
            assertEquals(200, organisation.code());
            assertTrue(String.valueOf(organisation.headers().get("Content-Type")).contains("application/atom+xml"));
            var challenges = read(organisation.body().string());
            assertEquals("atom_1.0", challenges.getFeedType());
            assertEquals(List.of("A lunch box for cyclists"), titles(challenges), "public challenges alone");

            var challenge = read(visitor.page("/challenges/" + scene.challenge() + "/feed.atom"));
            assertTrue(titles(challenge).containsAll(List.of("Insulated pannier", "Insulated pannier — ACCEPTED")), titles(challenge).toString());
            assertEquals("http://localhost/contributions/" + scene.idea(), challenge.getEntries().stream()
                    .filter(e -> e.getTitle().equals("Insulated pannier")).findFirst().orElseThrow().getLink());

            assertEquals(404, visitor.get("/challenges/" + community + "/feed.atom").code(), "a private challenge has no public feed");
            assertEquals(404, visitor.get("/organisations/99999/feed.atom").code());
            assertEquals(404, visitor.get("/challenges/abc/feed.atom").code());
            assertTrue(visitor.page("/challenges/" + scene.challenge()).contains("/feed.atom"), "the page links to its feed");
        });
    }
}
