package app.atelier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.atelier.support.RealBrowser;
import app.atelier.support.Site;
import app.atelier.support.Slow;
import app.atelier.support.TestClock;
import app.atelier.support.TestDatabase;
import java.nio.file.Path;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The main journey in a real browser, with axe checking each page on the way. */
@Slow
@Tag("browser")
class BrowserJourneyTest {
    private static final String OWNER = "claire@example.test";
    private static final String CONTRIBUTOR = "eve@example.test";
    private static final String VOTER = "finn@example.test";

    @TempDir
    Path dir;

    @Test
    void fromSignUpToAThreadOfComments() {
        Site.run(dir, site -> {
            try (var b = RealBrowser.open(site, true)) {
                b.run("journey", s -> journey(b, s), site);
            }
        });
    }

    @Test
    void votingAndCommentingWorkWithJavaScriptOff() {
        Site.run(dir, site -> {
            var owner = site.signUp("Claire Vidal", OWNER);
            long challenge = site.openChallenge(owner, site.organisation(owner, "Maison Vidal"), "A lighter pan");
            long id = site.contribute(site.member("Eve Adams"), challenge, "Hollow handle");
            site.signUp("Finn Larsen", VOTER);
            try (var b = RealBrowser.open(site, false)) {
                b.run("no-script", s -> {
                    signIn(b, VOTER);
                    b.go("/contributions/" + id).follow("#votes-" + id + " button");
                    assertEquals("/contributions/" + id, b.path(), "the form posted and came back");
                    assertEquals("1 vote", b.text("#votes-" + id + " .count"));
                    b.type(".comment-form textarea", "Written without scripts").follow(".comment-form button");
                    assertTrue(b.path().matches("/contributions/" + id + "\\?comment=(\\d+)#comment-\\1"), "back at the new comment: " + b.path());
                    assertEquals("1 comment", b.text("#comments-title"));
                    assertTrue(b.all(".counter").isEmpty(), "no script, no counter");
                }, site);
            }
        });
    }

    @Test
    void applyingToACommunityAndBeingApproved() {
        Site.run(dir, site -> {
            var owner = site.signUp("Claire Vidal", OWNER);
            long org = site.organisation(owner, "Maison Vidal");
            site.signUp("Eve Adams", CONTRIBUTOR);
            try (var b = RealBrowser.open(site, true)) {
                b.run("community", s -> {
                    signIn(b, CONTRIBUTOR);
                    b.go("/organisations/" + org).follow("a[href$='/apply']");
                    b.follow("main form button[type=submit]");
                    assertEquals("Please fill this in.", b.text("#city-error"));
                    b.assertAccessible();
                    b.type("#city", "Lyon").type("#country", "France").type("#occupation", "Cook")
                            .type("#productUse", "Every day").type("#skills", "cooking, design").type("#motivation", "I care");
                    new org.openqa.selenium.support.ui.Select(b.find("#ageRange")).selectByValue("25-34");
                    b.follow("main form button[type=submit]");
                    assertTrue(b.text("#community").contains("waiting for a moderator"));
                    b.assertAccessible();
                    signOut(b);

                    signIn(b, OWNER);
                    b.go("/organisations/" + org + "/community");
                    b.assertAccessible();
                    b.type("ul.roster textarea", "Welcome, Eve!").follow("ul.roster button[type=submit]");
                    assertTrue(b.text("nav.tabs").contains("Members (1)"), b.text("nav.tabs"));
                    b.screenshots("community");
                }, site);
            }
        });
    }

    @Test
    void aTestReportAndADesign() {
        Site.run(dir, site -> {
            var owner = site.signUp("Claire Vidal", OWNER);
            long challenge = site.challenge(owner, site.organisation(owner, "Maison Vidal"), "A lighter pan", "kinds", "TEST_REPORT", "kinds", "DESIGN");
            owner.post("/challenges/" + challenge + "/questions", "text", "Weight in the hand", "type", "score", "lowLabel", "Too heavy", "highLabel", "Just right");
            owner.post("/challenges/" + challenge + "/questions", "text", "What would you change?", "type", "text");
            site.move(owner, challenge, "OPEN");
            long weight = site.count("SELECT id FROM challenge_question WHERE scored = 1");
            site.signUp("Eve Adams", CONTRIBUTOR);
            Path picture = dir.resolve("box.png");
            javax.imageio.ImageIO.write(new java.awt.image.BufferedImage(640, 320, java.awt.image.BufferedImage.TYPE_INT_RGB), "png", picture.toFile());
            try (var b = RealBrowser.open(site, true)) {
                b.run("kinds", s -> {
                    signIn(b, CONTRIBUTOR);
                    b.go("/challenges/" + challenge).follow("a.button[href$='kind=TEST_REPORT']");
                    b.type("#title", "Light but sturdy").follow("main form button[type=submit]");
                    assertEquals("Choose a score from 1 to 5.", b.text("#score-" + weight + "-error"), "a score is required");
                    b.assertAccessible();
                    b.click("input[name=score-" + weight + "][value='4']");
                    b.type("textarea[name^=answer-]", "A longer handle").follow("main form button[type=submit]");
                    assertEquals("4 / 5", b.text("dl.answers dd strong"));
                    b.assertAccessible();

                    b.go("/challenges/" + challenge).follow("a.button[href$='kind=DESIGN']");
                    b.type("#title", "A paper box").type("#body", "Folded from **one** sheet.");
                    b.find("#images").sendKeys(picture.toAbsolutePath().toString());
                    b.follow("main form button[type=submit]");
                    assertEquals("A paper box", b.text("h1"));
                    var image = b.find("ul.gallery img");
                    assertTrue(((Number) b.driver.executeScript("return arguments[0].naturalWidth", image)).intValue() == 640, "the image is served and shown");
                    b.assertAccessible();
                    b.go("/challenges/" + challenge);
                    assertTrue(b.text("#findings").contains("1 answer, mean 4.0 out of 5"), b.text("#findings"));
                    assertEquals(1, b.all("li.card img.thumbnail").size(), "the design's thumbnail in the list");
                    b.assertAccessible();
                    b.screenshots("kinds");
                }, site);
            }
        });
    }

    private static void journey(RealBrowser b, Site site) {
        b.go("/").assertAccessible();
        b.screenshots("home-empty");

        b.go("/signup").type("#name", "").type("#email", OWNER).type("#password", Site.PASSWORD).follow("main form button[type=submit]");
        assertEquals("Please fill this in.", b.text("#name-error"), "the message stands beside its field");
        assertEquals("true", b.find("#name").getAttribute("aria-invalid"));
        assertEquals(OWNER, b.find("#email").getAttribute("value"), "what was typed is kept");
        b.assertAccessible();
        b.type("#name", "Claire Vidal").type("#password", Site.PASSWORD).follow("main form button[type=submit]");
        assertEquals("Claire Vidal", b.text("header .me"));

        b.go(site.emailedLink(OWNER, "/verify/")).assertAccessible();
        b.follow("main form button[type=submit]");
        assertTrue(b.text("main .notice").contains("Your address is verified"));
        b.assertAccessible();

        b.go("/organisations/new").type("#name", "Maison Vidal").type("#description", "Pans made in *Thiers*.").follow("main form button[type=submit]");
        b.assertAccessible();
        b.follow("a.button[href$='/challenges/new']");
        b.type("#brief", "What should a **light** pan weigh?").follow("main form button[type=submit]");
        assertEquals("Please fill this in.", b.text("#title-error"));
        b.assertAccessible();
        b.type("#title", "A lighter pan").follow("main form button[type=submit]");
        String challengePath = b.path();
        b.follow("form[action$='/state'] button");
        assertTrue(b.text(".badges").contains("Open"));
        b.assertAccessible();
        signOut(b);

        b.go("/signup").type("#name", "Eve Adams").type("#email", CONTRIBUTOR).type("#password", Site.PASSWORD).follow("main form button[type=submit]");
        b.go(challengePath).follow("a.button[href*='/contribute']");
        b.type("#body", "A **hollow** handle stays cool.");
        b.waitFor("#body-preview", "hollow");
        assertEquals("hollow", b.find("#body-preview strong").getText(), "the preview renders Markdown");
        assertTrue(b.text("#body-counter").startsWith("31 / 20000"), b.text("#body-counter"));
        b.follow("main form button[type=submit]");
        assertEquals("Please fill this in.", b.text("#title-error"));
        assertEquals("A **hollow** handle stays cool.", b.find("#body").getAttribute("value"));
        b.assertAccessible();
        b.type("#title", "Hollow handle").follow("main form button[type=submit]");
        String contributionPath = b.path();
        long id = Long.parseLong(contributionPath.substring(contributionPath.lastIndexOf('/') + 1));
        site.clock.advance(java.time.Duration.ofMinutes(5));
        b.follow("a[href$='/edit']").type("#title", "Hollow, cool handle").follow("main form button[type=submit]");
        assertEquals("Hollow, cool handle", b.text("h1"));
        assertTrue(b.text(".contribution-page").contains("edited"));
        signOut(b);

        site.signUp("Finn Larsen", VOTER);
        signIn(b, VOTER);
        b.go(contributionPath).click("#votes-" + id + " button");
        b.waitFor("#votes-" + id + " .count", "1 vote");
        assertEquals("true", b.find("#votes-" + id + " button").getAttribute("aria-pressed"));
        assertEquals(contributionPath, b.path(), "voted in place");
        signOut(b);

        signIn(b, OWNER);
        b.go(contributionPath);
        assertTrue(b.all("#votes-" + id + " button").isEmpty(), "the organisation's team does not vote");

        b.type(".comment-form textarea", "How hollow, **exactly**?").click(".comment-form button");
        b.waitFor("#comments-title", "1 comment");
        assertEquals(contributionPath, b.path(), "commented in place");
        b.follow(".comment a[href*='reply=']"); // the reply form is the comment's own, opened by its link
        b.type(".comment details textarea", "Half, I would say.").click(".comment details button");
        b.waitFor("#comments-title", "2 comments");
        assertEquals(2, b.all(".comment").size());
        b.assertAccessible();
        b.go(contributionPath).screenshots("contribution");

        b.follow(".comment a[href$='/edit']");
        b.assertAccessible();
        b.type("#body", "How hollow is it, exactly?").follow("main form button[type=submit]");
        assertTrue(b.text("#comments").contains("How hollow is it, exactly?"));
        var page = b.find("html");
        b.all(".comment .comment form[action$='/delete'] button").get(0).click();
        b.driver.switchTo().alert().accept();
        b.awaitNewPage(page);
        assertEquals("1 comment", b.text("#comments-title"));

        b.go(contributionPath);
        new org.openqa.selenium.support.ui.Select(b.find("#response-status")).selectByValue("SHORTLISTED");
        b.type("#response-body", "On our **short list**.").follow(".response-form button[type=submit]");
        assertTrue(b.text("#responses").contains("On our short list."));
        b.assertAccessible();
        b.go("/organisations/1/moderation").assertAccessible();
        b.go("/organisations/1/audit").assertAccessible();
        signOut(b);

        signIn(b, CONTRIBUTOR);
        assertTrue(b.text("header").contains("new"), "an unread count in the header");
        b.go("/notifications");
        assertTrue(b.text("main").contains("Claire Vidal answered “Hollow, cool handle”: Shortlisted"));
        b.assertAccessible();
        b.go("/account/notifications").assertAccessible();
        b.go("/account").assertAccessible();

        b.go(challengePath).screenshots("challenge");
        b.go("/").screenshots("home");
    }

    @Test
    void theBillingProfileAndTheDocumentsReadOnAPhoneAndPassAxe() {
        Site.run(TestDatabase.config(dir).withAdmins("admin@example.test"), new TestClock(Site.START), site -> {
            var owner = site.signUp("Claire Vidal", OWNER);
            long org = site.organisation(owner, "Maison Vidal");
            var scene = new Site.Scene(site, owner, org, site.openChallenge(owner, org, "A lighter pan"), null, 0).withIdea("Eve Adams", "Hollow handle");
            site.deposit(site.admin(), org, "500");
            assertEquals(302, owner.post("/contributions/" + scene.idea() + "/responses", "status", "ACCEPTED", "body", "Yes").code());
            String offer = "/offers/" + Site.idFrom(owner.post("/contributions/" + scene.idea() + "/offers", "price", "100"));
            for (String step : new String[] {"/accept", "/deliver"}) assertEquals(302, scene.author().post(offer + step, "note", "Done").code());
            assertEquals(302, owner.post(offer + "/approve").code());
            try (var b = RealBrowser.open(site, true)) {
                b.run("invoices", s -> {
                    b.size(RealBrowser.PHONE);
                    signIn(b, OWNER);
                    for (String path : new String[] {"/organisations/" + org + "/billing", "/organisations/" + org + "/documents", offer, "/account/payee"}) {
                        b.go(path);
                        assertFalse(b.overflowsSideways(), path + " fits a phone");
                        b.assertAccessible();
                    }
                    b.go("/organisations/" + org + "/documents").follow("main table a");
                    assertEquals("Payment statement ATD-RP-000001", b.text("main h1"), "the newest first: Eve's statement");
                    assertFalse(b.overflowsSideways(), "a document fits a phone");
                    b.assertAccessible();
                    b.go("/organisations/" + org + "/billing").type("#companyNumber", "732829321").follow("main form button[type=submit]");
                    assertTrue(b.text("#companyNumber-error").contains("check digit"));
                    b.assertAccessible();
                }, site);
            }
        });
    }

    private static void signIn(RealBrowser b, String email) {
        b.go("/login").type("#email", email).type("#password", Site.PASSWORD).follow("main form button[type=submit]");
    }

    private static void signOut(RealBrowser b) {
        b.follow("form[action='/logout'] button");
    }
}
