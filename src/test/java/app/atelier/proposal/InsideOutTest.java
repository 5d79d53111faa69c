package app.atelier.proposal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.atelier.support.Browser;
import app.atelier.support.Browser.FilePart;
import app.atelier.support.Drawn;
import app.atelier.support.Html;
import app.atelier.support.Site;
import io.javalin.testtools.Response;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An inside-out challenge through HTTP, as its people walk it: the company writes the technology sheet, a start-up
 * proposes an application, the two talk privately, and the agreement reached is recorded as the outcome.
 */
class InsideOutTest {
    @TempDir
    Path dir;

    private static final String[] SHEET = {"summary", "A **flexible** ceramic coating that keeps heat in.", "capabilities", "Holds 400 °C; 0.2 mm thick.",
            "arrangements", "LICENCE", "arrangements", "SUPPLY", "documents", "Data sheet https://example.com/sheet.pdf\nPatent https://example.com/patent"};

    private static Response sheet(Browser manager, long challenge, List<FilePart> pictures, String... fields) {
        return manager.postFiles("/challenges/" + challenge + "/technology", pictures, fields);
    }

    private static FilePart picture() {
        return new FilePart("picture", "coating.png", "image/png", Drawn.image("png", 800, 400));
    }

    @Test
    void fromTheTechnologySheetToARecordedAgreement() {
        Site.run(dir, site -> {
            var scene = site.draftChallenge("Our coating, your product", "mode", "INSIDE_OUT", "kinds", "IDEA");
            String page = "/challenges/" + scene.challenge();
            assertEquals("APPLICATION", site.text("SELECT kinds FROM challenge WHERE id = ?", scene.challenge()), "application proposals alone");
            var early = site.move(scene.owner(), scene.challenge(), "OPEN");
            assertEquals(409, early.code());
            assertTrue(Html.of(early.body().string()).text("main").contains("Write the technology sheet"));
            var draft = Html.of(scene.owner().page(page));
            assertTrue(draft.text(".staff-actions").contains("Write the technology sheet"));
            assertFalse(draft.has(".staff-actions input[value=OPEN]"), "no button to open what cannot open yet");
            assertTrue(draft.text("main .notice.warning").startsWith("Write the technology sheet before the challenge opens"));

            var empty = sheet(scene.owner(), scene.challenge(), List.of(), "summary", " ", "capabilities", "");
            assertEquals(422, empty.code());
            var refused = Html.of(empty.body().string());
            assertTrue(refused.has("#summary-error") && refused.has("#capabilities-error"));
            assertEquals("Tick at least one thing you offer.", refused.text("#arrangements-error"));
            var badLine = sheet(scene.owner(), scene.challenge(), List.of(), "summary", "S", "capabilities", "C", "arrangements", "LICENCE", "documents", "Sheet\njavascript:alert(1)");
            assertEquals(422, badLine.code());
            assertTrue(Html.of(badLine.body().string()).text("#documents-error").startsWith("Line 1:"));
            assertEquals(422, sheet(scene.owner(), scene.challenge(), List.of(), "summary", "x".repeat(5_001), "capabilities", "C", "arrangements", "LICENCE").code());
            assertEquals(400, sheet(scene.owner(), scene.challenge(), List.of(), "summary", "S", "capabilities", "C", "arrangements", "GIFT").code());
            var eve = site.member("Eve Adams");
            assertEquals(404, sheet(eve, scene.challenge(), List.of(), SHEET).code(), "a draft is the staff's alone");
            assertEquals(403, sheet(scene.owner(), scene.challenge(), List.of(), "summary", "S", "capabilities", "C", "arrangements", "LICENCE", "csrf", "wrong").code());
            assertEquals(0, site.count("SELECT count(*) FROM technology"), "nothing saved by a refused form");

            assertEquals(302, sheet(scene.owner(), scene.challenge(), List.of(picture()), SHEET).code());
            var shown = Html.of(scene.owner().page(page));
            assertTrue(shown.text("#technology").contains("A flexible ceramic coating that keeps heat in."));
            assertEquals(List.of("A licence", "A supply agreement"), shown.texts("#technology .arrangements li"));
            assertEquals(List.of("https://example.com/sheet.pdf", "https://example.com/patent"), shown.links("#technology .documents a"));
            assertEquals(1, shown.links("#technology .thumbnails a").size());
            for (int i = 0; i < 4; i++) assertEquals(302, sheet(scene.owner(), scene.challenge(), List.of(picture()), SHEET).code());
            assertFalse(scene.owner().page(page + "/technology").contains("id=\"picture\""), "five pictures: no room for a sixth");
            var sixth = sheet(scene.owner(), scene.challenge(), List.of(picture()), SHEET);
            assertEquals(422, sixth.code());
            assertTrue(Html.of(sixth.body().string()).text("#picture-error").startsWith("At most 5 pictures"));
            String first = site.text("SELECT pictures FROM technology").split(",", -1)[0];
            assertEquals(302, sheet(scene.owner(), scene.challenge(), List.of(), concat(SHEET, "dropPicture", first)).code());
            assertEquals(4, site.text("SELECT pictures FROM technology").split(",").length, "a picture taken away");
            assertTrue(Html.of(scene.owner().page(page)).has(".staff-actions input[value=OPEN]"), "open, once the sheet is written");
            assertEquals(302, site.move(scene.owner(), scene.challenge(), "OPEN").code());
            assertEquals(403, sheet(eve, scene.challenge(), List.of(), SHEET).code(), "not a manager");
            assertEquals(403, eve.get(page + "/technology").code());

            var startup = site.member("Tom Baker");
            site.joinCommunity(scene.owner(), scene.organisation(), startup);
            String contribute = page + "/contributions";
            var missing = startup.post(contribute, "kind", "APPLICATION", "title", "Warm lunch boxes", "body", "Boxes that keep food warm.");
            assertEquals(422, missing.code());
            var said = Html.of(missing.body().string());
            assertTrue(said.has("#proposer-error") && said.has("#market-error") && said.has("#arrangement-error"));
            assertEquals(422, startup.post(contribute, "kind", "APPLICATION", "title", "Warm lunch boxes", "body", "Boxes.", "proposer", "Boxy SAS",
                    "market", "Schools", "arrangement", "CO_DEVELOPMENT").code(), "only what the sheet offers may be asked for");
            assertEquals(422, startup.post(contribute, "kind", "IDEA", "title", "An idea", "body", "Not a proposal.").code(), "ideas are not taken here");
            var sent = startup.post(contribute, "kind", "APPLICATION", "title", "Warm lunch boxes", "body", "Boxes that keep food **warm**.",
                    "proposer", "Boxy SAS <script>x</script>", "market", "Schools in France", "arrangement", "LICENCE", "request", "Five years, 3 % royalty.");
            assertEquals(302, sent.code());
            long proposal = Site.idFrom(sent);
            String address = "/contributions/" + proposal;
            var read = Html.of(site.visitor().page(address));
            assertEquals(List.of("Boxy SAS <script>x</script>", "Schools in France", "A licence: Five years, 3 % royalty."), read.texts(".proposal dd"));
            assertFalse(site.visitor().page(address).contains("<script>x"), "escaped");
            assertFalse(read.has(".conversation-link"), "a visitor is not party to it");
            assertEquals("Private conversation with Maison Vidal", Html.of(startup.page(address)).text(".conversation-link"));
            assertEquals("Talk privately with the proposer", Html.of(scene.owner().page(address)).text(".conversation-link"));

            String conversation = address + "/conversation";
            assertEquals(403, eve.get(conversation).code(), "no one else reads it");
            assertEquals(403, eve.post(conversation, "body", "Let me in").code());
            assertEquals(409, startup.post(conversation, "body", "Hello?").code(), "the company opens it");
            assertEquals(422, scene.owner().post(conversation, "body", "  ").code());
            assertEquals(422, scene.owner().post(conversation, "body", "x".repeat(5_001)).code());
            assertEquals(302, scene.owner().post(conversation, "body", "Shall we talk about a licence for schools?").code());
            assertEquals(1, site.count("SELECT count(*) FROM notification WHERE member_id = ? AND kind = 'CONVERSATION'", startup.memberId));
            assertEquals(302, startup.post(conversation, "body", "Yes: five years suits us.").code());
            assertEquals(1, site.count("SELECT count(*) FROM notification WHERE member_id = ? AND kind = 'CONVERSATION'", scene.owner().memberId));
            assertEquals(List.of("Shall we talk about a licence for schools?", "Yes: five years suits us."),
                    Html.of(startup.page(conversation)).texts(".messages li p:not(.meta)"));
            assertEquals(404, scene.owner().get("/contributions/999999/conversation").code());

            var moderator = site.member("Mia Moreau");
            site.staff(scene.owner(), scene.organisation(), moderator, "MODERATOR");
            assertTrue(Html.of(moderator.page(conversation)).text(".messages").contains("five years"), "the staff read it");
            assertFalse(moderator.page(conversation).contains("agreement-form"), "a moderator records no agreement");
            assertEquals(403, moderator.post(address + "/agreement", "arrangement", "LICENCE", "terms", "Mine").code());
            assertFalse(startup.page(conversation).contains("agreement-form"));
            assertEquals(403, startup.post(address + "/agreement", "arrangement", "LICENCE", "terms", "Mine").code());
            var noTerms = scene.owner().post(address + "/agreement", "arrangement", "BARTER", "terms", "");
            assertEquals(422, noTerms.code());
            assertTrue(Html.of(noTerms.body().string()).has("#arrangement-error"));
            assertEquals(302, scene.owner().post(address + "/agreement", "arrangement", "LICENCE", "terms",
                    "Boxy SAS licenses the coating for school lunch boxes, for five years.").code());
            assertEquals(409, scene.owner().post(address + "/agreement", "arrangement", "SUPPLY", "terms", "Again").code(), "recorded once");
            assertEquals("ACCEPTED", site.text("SELECT status FROM contribution WHERE id = ?", proposal));
            assertTrue(Html.of(scene.owner().page(conversation)).text("#agreement").startsWith("Agreement A licence · Claire Vidal"));
            assertEquals(1, site.count("SELECT count(*) FROM audit_log WHERE action = 'agreement.licence'"));

            site.move(scene.owner(), scene.challenge(), "REVIEW");
            site.move(scene.owner(), scene.challenge(), "DECIDED");
            var outcome = Html.of(site.visitor().page(page)).text("#outcome");
            assertTrue(outcome.contains("Warm lunch boxes") && outcome.contains("for school lunch boxes, for five years"), outcome);
        });
    }

    @Test
    void anOutsideInChallengeTakesNoApplicationsAndHasNoSheet() {
        Site.run(dir, site -> {
            var owner = site.member("Claire Vidal");
            long org = site.organisation(owner, "Maison Vidal");
            var refused = owner.post("/organisations/" + org + "/challenges", "title", "A pan", "brief", "B", "stage", "IDEA_GENERATION", "mode", "OUTSIDE_IN",
                    "kinds", "APPLICATION");
            assertEquals(422, refused.code());
            assertEquals("Application proposals are for inside-out challenges only.", Html.of(refused.body().string()).text("#kinds-error"));
            long challenge = site.openChallenge(owner, org, "A pan");
            assertEquals(404, owner.get("/challenges/" + challenge + "/technology").code());
            assertFalse(owner.page("/challenges/" + challenge).contains("/technology"));
            long idea = site.contribute(site.member("Eve Adams"), challenge, "Hollow handle");
            assertEquals(404, owner.get("/contributions/" + idea + "/conversation").code(), "only a proposal has a conversation");
        });
    }

    private static String[] concat(String[] fields, String... more) {
        return IntStream.range(0, fields.length + more.length).mapToObj(i -> i < fields.length ? fields[i] : more[i - fields.length]).toArray(String[]::new);
    }
}
