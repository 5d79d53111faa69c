package app.atelier.contribution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.atelier.support.Browser;
import app.atelier.support.Html;
import app.atelier.support.Site;
import io.javalin.testtools.Response;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ContributionKindsTest {
    @TempDir
    Path dir;

    /** A challenge taking test reports and validations, with two scored questions, a free one and a hypothesis. */
    private record Survey(Site site, Browser owner, long challenge, long weight, long heat, long change, long hypothesis) {
        static Survey open(Site site) {
            var pan = site.draftChallenge("A lighter pan", "stage", "FINAL_PRODUCT_TEST");
            String questions = "/challenges/" + pan.challenge() + "/questions";
            pan.owner().post(questions, "text", "Weight in the hand", "type", "score", "lowLabel", "Too heavy", "highLabel", "Just right");
            pan.owner().post(questions, "text", "Heat spread", "type", "score", "lowLabel", "Uneven", "highLabel", "Even");
            pan.owner().post(questions, "text", "What would you change?", "type", "text");
            pan.owner().post("/challenges/" + pan.challenge() + "/hypotheses", "text", "One hand is enough to lift it.");
            site.move(pan.owner(), pan.challenge(), "OPEN");
            return new Survey(site, pan.owner(), pan.challenge(), id(site, "Weight in the hand"), id(site, "Heat spread"), id(site, "What would you change?"),
                    site.count("SELECT id FROM challenge_hypothesis"));
        }

        private static long id(Site site, String question) {
            return site.count("SELECT id FROM challenge_question WHERE text = ?", question);
        }

        Response report(Browser member, String weightScore, String heatScore, String words) {
            return member.post("/challenges/" + challenge + "/contributions", "kind", "TEST_REPORT", "title", "My test",
                    "score-" + weight, weightScore, "score-" + heat, heatScore, "answer-" + change, words);
        }
    }

    @Test
    void testReportsAnswerTheQuestionnaireOnceAndThePageAddsThemUp() {
        Site.run(dir, site -> {
            var survey = Survey.open(site);
            var eve = site.member("Eve Adams");
            var form = Html.of(eve.page("/challenges/" + survey.challenge() + "/contribute?kind=TEST_REPORT"));
            String scores = "input[type=radio][name=score-" + survey.weight() + "]";
            assertTrue(form.has(scores + "[value=1]") && form.has(scores + "[value=5]") && !form.has(scores + "[value=6]"));

            var outOfRange = survey.report(eve, "6", "", "Lighter");
            assertEquals(422, outOfRange.code());
            var refused = Html.of(outOfRange.body().string());
            assertEquals("Choose a score from 1 to 5.", refused.text("#score-" + survey.weight() + "-error"));
            assertEquals("Choose a score from 1 to 5.", refused.text("#score-" + survey.heat() + "-error"));
            assertEquals("Lighter", refused.text("textarea[name=answer-" + survey.change() + "]"), "what was typed is kept");
            assertEquals(422, survey.report(eve, "four", "3", "").code(), "a score that is not a number");
            assertEquals(0, site.count("SELECT count(*) FROM contribution"));

            long first = Site.idFrom(survey.report(eve, "5", "3", "=HYPERLINK(\"x\")"));
            var again = survey.report(eve, "1", "1", "");
            assertEquals(409, again.code(), "a questionnaire is answered once");
            assertEquals("/contributions/" + first + "/edit", Site.location(eve.get("/challenges/" + survey.challenge() + "/contribute?kind=TEST_REPORT")),
                    "the contribute button leads to the report already written");
            assertEquals(302, eve.post("/contributions/" + first, "kind", "TEST_REPORT", "title", "My test", "score-" + survey.weight(), "4",
                    "score-" + survey.heat(), "3", "answer-" + survey.change(), "=HYPERLINK(\"x\")").code(), "edited while open");
            Site.idFrom(survey.report(site.member("Finn Larsen"), "5", "2", "A longer handle, please"));
            Site.idFrom(survey.report(site.member("Gina Rossi"), "4", "2", ""));

            var shown = Html.of(eve.page("/contributions/" + first));
            assertEquals(List.of("Weight in the hand", "Heat spread", "What would you change?"), shown.texts("dl.answers dt"));
            assertEquals("4 / 5", shown.text("dl.answers dd strong"));

            // Weight: 4, 5, 4 -> mean 4.3, two 4s and one 5. Heat: 3, 2, 2 -> mean 2.3.
            var page = Html.of(site.visitor().page("/challenges/" + survey.challenge()));
            assertEquals(List.of("3 answers, mean 4.3 out of 5", "3 answers, mean 2.3 out of 5", "0 agree, 0 disagree (0 % agree)"),
                    page.texts("#findings article.finding p.meta"));
            assertEquals(List.of("0", "0", "0", "2", "1"), page.texts("#findings article.finding:nth-of-type(1) table td"));
            assertEquals(List.of("0", "2", "1", "0", "0"), page.texts("#findings article.finding:nth-of-type(2) table td"));
            assertTrue(page.has("#findings svg rect"), "drawn as SVG on the server");
            assertEquals(List.of("A longer handle, please", "=HYPERLINK(\"x\")"), page.texts("#findings ul.quotes li"));
        });
    }

    @Test
    void theStaffMarkAReportHelpfulAndDownloadTheAnswers() {
        Site.run(dir, site -> {
            var survey = Survey.open(site);
            var eve = site.member("Eve Adams");
            long report = Site.idFrom(survey.report(eve, "5", "3", "=1+1, \"quoted\"\nsecond line"));
            assertEquals(403, eve.post("/contributions/" + report + "/helpful").code(), "not the author");
            assertEquals(302, survey.owner().post("/contributions/" + report + "/helpful").code());
            assertTrue(site.visitor().page("/contributions/" + report).contains("Maison Vidal found this helpful."));

            String csv = survey.owner().page("/challenges/" + survey.challenge() + "/test-reports.csv");
            var lines = csv.split("\r\n", 2);
            assertEquals("\uFEFF\"id\",\"title\",\"author\",\"submitted\",\"hidden\",\"Weight in the hand\",\"Heat spread\",\"What would you change?\"", lines[0]);
            assertTrue(lines[1].startsWith(report + ",\"My test\",\"Eve Adams\","), lines[1]);
            assertTrue(lines[1].endsWith(",\"no\",5,3,\"'=1+1, \"\"quoted\"\"\nsecond line\"\r\n"), lines[1]);
            assertEquals(403, eve.get("/challenges/" + survey.challenge() + "/test-reports.csv").code());
            assertTrue(Site.location(site.visitor().get("/challenges/" + survey.challenge() + "/test-reports.csv")).startsWith("/login"));
        });
    }

    @Test
    void aValidationAgreesOrNotWithEachHypothesisAndSaysWhy() {
        Site.run(dir, site -> {
            var survey = Survey.open(site);
            String post = "/challenges/" + survey.challenge() + "/contributions";
            String agrees = "agrees-" + survey.hypothesis();
            String reason = "reason-" + survey.hypothesis();
            var eve = site.member("Eve Adams");
            var noReason = eve.post(post, "kind", "VALIDATION", "title", "Yes", agrees, "agree", reason, "");
            assertEquals(422, noReason.code());
            assertEquals("Please fill this in.", Html.of(noReason.body().string()).text("#" + reason + "-error"));
            assertEquals(422, eve.post(post, "kind", "VALIDATION", "title", "Yes", agrees, "maybe", reason, "Hmm").code());
            long mine = Site.idFrom(eve.post(post, "kind", "VALIDATION", "title", "Yes", agrees, "disagree", reason, "Too heavy full."));
            assertEquals("disagree", Html.of(eve.page("/contributions/" + mine + "/edit")).value("input[name=" + agrees + "][checked]"), "the edit form holds the answer");
            assertEquals(422, eve.post("/contributions/" + mine, "kind", "VALIDATION", "title", "Yes", agrees, "agree", reason, "").code());
            assertEquals(302, eve.post("/contributions/" + mine, "kind", "VALIDATION", "title", "Yes", agrees, "agree", reason, "Even full of oil.").code());
            assertEquals(302, site.member("Finn Larsen").post(post, "kind", "VALIDATION", "title", "No", agrees, "disagree", reason, "Not with my wrist.").code());
            assertEquals(302, site.member("Gina Rossi").post(post, "kind", "VALIDATION", "title", "Yes", agrees, "agree", reason, "<b>Easily</b>").code());

            var page = Html.of(site.visitor().page("/challenges/" + survey.challenge()));
            assertTrue(page.texts("#findings p.meta").contains("2 agree, 1 disagree (67 % agree)"));
            assertEquals(List.of("<b>Easily</b>", "Even full of oil.", "Not with my wrist."), page.texts("#findings .split li"));
        });
    }

    @Test
    void anExperienceTellsAStoryWithAnOptionalRating() {
        Site.run(dir, site -> {
            var launch = site.openChallenge("Your first month", "stage", "LAUNCH");
            assertEquals("EXPERIENCE", site.text("SELECT kinds FROM challenge WHERE id = ?", launch.challenge()));
            String post = "/challenges/" + launch.challenge() + "/contributions";
            var eve = site.member("Eve Adams");
            assertEquals(422, eve.post(post, "kind", "EXPERIENCE", "title", "Daily use", "body", "Fine", "rating", "7").code());
            assertEquals(422, eve.post(post, "kind", "EXPERIENCE", "title", "Daily use", "body", "", "rating", "4").code(), "the story is required");
            assertEquals(422, eve.post(post, "kind", "IDEA", "title", "An idea", "body", "Not taken here").code(), "a kind the challenge does not take");
            long rated = Site.idFrom(eve.post(post, "kind", "EXPERIENCE", "title", "Daily use", "body", "Every **morning**.", "rating", "4"));
            assertEquals(302, eve.post("/contributions/" + rated, "kind", "EXPERIENCE", "title", "Daily use", "body", "Every morning.", "rating", "5").code());
            assertEquals(422, eve.post("/contributions/" + rated, "kind", "EXPERIENCE", "title", "Daily use", "body", "Every morning.", "rating", "0").code());
            assertEquals(5, site.count("SELECT rating FROM contribution WHERE id = ?", rated), "edited, and a bad rating changed nothing");
            long unrated = Site.idFrom(site.member("Finn Larsen").post(post, "kind", "EXPERIENCE", "title", "Weekends", "body", "On Sundays."));
            assertTrue(Html.of(site.visitor().page("/contributions/" + rated)).text("p.rating").endsWith("5 out of 5"));
            assertFalse(Html.of(site.visitor().page("/contributions/" + unrated)).has("p.rating"));
        });
    }
}
