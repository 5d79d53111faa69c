package app.atelier.challenge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.atelier.support.Browser;
import app.atelier.support.Html;
import app.atelier.support.Site;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class QuestionRoutesTest {
    @TempDir
    Path dir;

    @Test
    void aConceptTestOpensOnlyOnceItsQuestionnaireAndHypothesesAreWritten() {
        Site.run(dir, site -> {
            var pan = site.draftChallenge("A lighter pan", "stage", "CONCEPT_TEST");
            assertEquals("TEST_REPORT,VALIDATION", site.text("SELECT kinds FROM challenge WHERE id = ?", pan.challenge()));

            var refused = site.move(pan.owner(), pan.challenge(), "OPEN");
            assertEquals(409, refused.code());
            assertTrue(refused.body().string().contains("Write the questionnaire"), "the refusal says what is missing");

            assertEquals(302, pan.owner().post("/challenges/" + pan.challenge() + "/questions", "text", "Weight in the hand", "type", "score",
                    "lowLabel", "Too heavy", "highLabel", "Just right").code());
            assertEquals(409, site.move(pan.owner(), pan.challenge(), "OPEN").code(), "validations still have no hypothesis");
            assertEquals(302, pan.owner().post("/challenges/" + pan.challenge() + "/hypotheses", "text", "A 1.2 kg pan is light enough for one hand.").code());
            assertEquals(302, site.move(pan.owner(), pan.challenge(), "OPEN").code());

            var page = Html.of(pan.owner().page("/challenges/" + pan.challenge() + "/questions"));
            assertEquals(List.of("Weight in the hand from 1 (Too heavy) to 5 (Just right) Remove", "A 1.2 kg pan is light enough for one hand. Remove"),
                    page.texts("ol.questions li"));
            assertEquals(409, pan.owner().post("/challenges/" + pan.challenge() + "/questions/" + site.count("SELECT id FROM challenge_question") + "/remove").code(),
                    "an open challenge keeps a question for each kind it takes");
            assertEquals(List.of("/challenges/" + pan.challenge() + "/contribute?kind=TEST_REPORT", "/challenges/" + pan.challenge() + "/contribute?kind=VALIDATION"),
                    Html.of(site.member("Eve Adams").page("/challenges/" + pan.challenge())).links("p.cta a.button"), "exactly the kinds that can be written");
        });
    }

    @Test
    void questionsAreCheckedAndFrozenOnceAnswered() {
        Site.run(dir, site -> {
            var pan = site.draftChallenge("A lighter pan", "kinds", "TEST_REPORT");
            String add = "/challenges/" + pan.challenge() + "/questions";

            var empty = pan.owner().post(add, "text", "", "type", "score", "lowLabel", "", "highLabel", "");
            assertEquals(422, empty.code());
            var form = Html.of(empty.body().string());
            assertEquals("Please fill this in.", form.text("#question-text-error"));
            assertEquals("Please fill this in.", form.text("#lowLabel-error"));
            assertEquals(422, pan.owner().post(add, "text", "x".repeat(301), "type", "text").code(), "too long");
            assertEquals(422, pan.owner().post(add, "text", "Weight", "type", "colour").code(), "an unknown type");
            assertEquals(403, pan.owner().postRaw(add, "text", "Weight", "type", "text").code(), "no form token");
            assertEquals(0, site.count("SELECT count(*) FROM challenge_question"));

            var script = pan.owner().post(add, "text", "<script>alert(1)</script>", "type", "text");
            assertEquals(302, script.code());
            String shown = pan.owner().page(add);
            assertTrue(shown.contains("&lt;script&gt;alert(1)&lt;/script&gt;") && !shown.contains("<script>alert"), "escaped");
            pan.owner().post(add, "text", "Weight", "type", "score", "lowLabel", "Heavy", "highLabel", "Light");
            assertEquals(2, site.count("SELECT question_count FROM challenge WHERE id = ?", pan.challenge()));
            site.move(pan.owner(), pan.challenge(), "OPEN");

            var eve = site.member("Eve Adams");
            long weight = site.count("SELECT id FROM challenge_question WHERE text = 'Weight'");
            assertEquals(302, eve.post("/challenges/" + pan.challenge() + "/contributions", "kind", "TEST_REPORT", "title", "Good", "score-" + weight, "4").code());
            assertEquals(409, pan.owner().post(add, "text", "Colour", "type", "text").code(), "frozen once answered");
            assertEquals(409, pan.owner().post(add + "/" + weight + "/remove").code());
            assertTrue(pan.owner().page(add).contains("Answers have come in"));
        });
    }

    @Test
    void onlyTheManagersWriteTheQuestions() {
        Site.run(dir, site -> {
            var claire = site.member("Claire Vidal");
            long vidal = site.organisation(claire, "Maison Vidal");
            var mona = site.member("Mona Roy");
            site.staff(claire, vidal, mona, "MODERATOR");
            var manager = site.member("Max Weber");
            site.staff(claire, vidal, manager, "MANAGER");
            long pan = site.challenge(claire, vidal, "A lighter pan", "kinds", "TEST_REPORT");
            String add = "/challenges/" + pan + "/questions";
            assertEquals(200, manager.get(add).code());
            assertEquals(302, manager.post(add, "text", "Weight", "type", "text").code());
            for (Browser refused : List.of(mona, site.member("Eve Adams"))) {
                assertTrue(List.of(403, 404).contains(refused.get(add).code()));
                assertTrue(List.of(403, 404).contains(refused.post(add, "text", "Colour", "type", "text").code()));
                assertTrue(List.of(403, 404).contains(refused.post("/challenges/" + pan + "/hypotheses", "text", "Cheap").code()));
            }
            assertTrue(Site.location(site.visitor().get(add)).startsWith("/login"));
            assertEquals(404, claire.post(add + "/999/remove").code(), "someone else's or no question");
            assertEquals(1, site.count("SELECT count(*) FROM challenge_question"));
        });
    }
}
