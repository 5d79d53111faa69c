package app.atelier.contribution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.atelier.support.Html;
import app.atelier.support.Site;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A form refused as a whole, by a limit or a closed challenge, comes back with the text typed and the reason. */
class RefusedFormsTest {
    @TempDir
    Path dir;

    @Test
    void theFirstDayLimitKeepsTheIdeaAndTheComment() {
        Site.run(dir, site -> {
            var pan = site.openChallenge("A lighter pan");
            var eve = site.member("Eve Adams");
            for (String title : new String[] {"Copper base", "Glass lid", "Oak handle"}) site.contribute(eve, pan.challenge(), title);
            var refused = eve.post("/challenges/" + pan.challenge() + "/contributions", "kind", "IDEA", "title", "A fourth idea",
                    "body", "Typed with care.", "anyway", "yes");
            assertEquals(429, refused.code());
            var form = Html.of(refused.body().string());
            assertTrue(form.text("p.refusal").contains("3"), form.text("p.refusal"));
            assertEquals("A fourth idea", form.value("input[name=title]"));
            assertEquals("Typed with care.", form.text("textarea[name=body]"));
            assertEquals(3, site.count("SELECT count(*) FROM contribution"));

            long idea = site.count("SELECT min(id) FROM contribution");
            var finn = site.member("Finn Larsen");
            for (int i = 1; i <= CommentService.FIRST_DAY_COMMENTS; i++) finn.post("/contributions/" + idea + "/comments", "body", "Comment " + i);
            var tooMany = finn.post("/contributions/" + idea + "/comments", "body", "One more thought");
            assertEquals(429, tooMany.code());
            var page = Html.of(tooMany.body().string());
            assertEquals("One more thought", page.text(".comment-form textarea"), "the comment is kept beside the reason");
            assertTrue(page.has(".comment-form .error"));
            assertEquals(CommentService.FIRST_DAY_COMMENTS, site.count("SELECT count(*) FROM comment WHERE author_id = ?", finn.memberId));
        });
    }

    @Test
    void aChallengeThatClosedWhileTypingKeepsTheText() {
        Site.run(dir, site -> {
            var pan = site.openChallenge("A lighter pan");
            var eve = site.member("Eve Adams");
            site.close(pan.owner(), pan.challenge());
            var refused = eve.post("/challenges/" + pan.challenge() + "/contributions", "kind", "IDEA", "title", "Late idea",
                    "body", "Still worth it.", "anyway", "yes");
            assertEquals(409, refused.code());
            var form = Html.of(refused.body().string());
            assertEquals("Late idea", form.value("input[name=title]"));
            assertTrue(form.has("p.refusal"));
        });
    }
}
