package app.atelier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.atelier.support.CapturedLog;
import app.atelier.support.RealBrowser;
import app.atelier.support.Site;
import app.atelier.support.Slow;
import app.atelier.support.TestClock;
import app.atelier.support.TestDatabase;
import java.nio.file.Path;
import java.time.Duration;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.openqa.selenium.Dimension;

/** What people hit walking through the product on a phone and on a laptop, in a real browser checked by axe. */
@Slow
@Tag("browser")
class WalkTest {
    private static final String OWNER = "claire@example.test";
    private static final String CONTRIBUTOR = "eve@example.test";

    @TempDir
    Path dir;

    static Stream<String> widths() {
        return Stream.of("phone", "laptop");
    }

    private static Dimension size(String width) {
        return width.equals("phone") ? RealBrowser.PHONE : RealBrowser.LAPTOP;
    }

    private interface Walk {
        void run(RealBrowser b) throws Exception;
    }

    /** Walks through the site in a real browser the width of a phone or a laptop, with scripts on or off. */
    private static void inBrowser(Site site, String width, String name, boolean javascript, Walk walk) throws Exception {
        try (var b = RealBrowser.open(site, javascript)) {
            b.size(size(width)).run(name + "-" + width, s -> walk.run(b), site);
        }
    }

    private static void signIn(RealBrowser b, String email) {
        b.driver.manage().deleteAllCookies();
        b.go("/login").type("#email", email).type("#password", Site.PASSWORD).follow("main form button[type=submit]");
    }

    /** The header folds into a menu on a phone that opens without script, with organisations, notifications and the account. */
    @ParameterizedTest
    @MethodSource("widths")
    void theHeaderFitsTheScreen(String width) {
        Site.run(dir, site -> {
            var owner = site.signUp("Claire Vidal", OWNER);
            site.organisation(owner, "Maison Vidal");
            inBrowser(site, width, "header", false, b -> {
                signIn(b, OWNER);
                boolean phone = width.equals("phone");
                assertEquals(phone, b.find("details.menu").isDisplayed());
                assertEquals(!phone, b.find("nav.wide").isDisplayed());
                if (phone) b.click("details.menu summary");
                String links = phone ? "details.menu" : "nav.wide";
                assertEquals("Maison Vidal", b.text(links + " a.workplace"), "my organisation, one click away");
                assertTrue(b.find(links + " a[href='/notifications']").isDisplayed());
                assertTrue(b.find(links + " a[href='/account']").isDisplayed());
                assertTrue(b.all(links + " a[href='/organisations/new']").isEmpty(), "creating one is not in every customer's menu");
                assertFalse(b.overflowsSideways());
                b.assertAccessible();
            });
        });
    }

    /** Notices wrap their words, and a wide table scrolls in its own box instead of pushing the page sideways. */
    @ParameterizedTest
    @MethodSource("widths")
    void noticesWrapAndTablesScrollInTheirOwnBox(String width) {
        Site.run(dir, site -> {
            var owner = site.signUp("Claire Vidal", OWNER);
            long org = site.organisation(owner, "Maison Vidal");
            var eve = site.signUp("Eve Adams", CONTRIBUTOR);
            site.joinCommunity(owner, org, eve);
            inBrowser(site, width, "notices", true, b -> {
                signIn(b, CONTRIBUTOR);
                b.go("/organisations/" + org);
                var notice = b.find("#community .notice");
                assertEquals("You are a member of this community.", notice.getText());
                assertTrue((Boolean) b.driver.executeScript("return arguments[0].scrollWidth <= arguments[0].clientWidth", notice), "no line is cut");
                assertFalse(b.overflowsSideways());
                b.assertAccessible();

                signIn(b, OWNER);
                b.go("/organisations/" + org + "/audit");
                var table = b.find("main table");
                assertFalse(b.overflowsSideways(), "the page never scrolls sideways");
                assertTrue((Boolean) b.driver.executeScript("return arguments[0].getBoundingClientRect().right <= window.innerWidth + 1", table),
                        "the table's box fits the screen; its last column is reached by scrolling inside it");
                b.assertAccessible();
            });
        });
    }

    /** An invitation names the community from the first page, carries the address into sign-up, and says at once when it is spent. */
    @ParameterizedTest
    @MethodSource("widths")
    void anInvitationNamesItsCommunityAndSaysWhenItIsSpent(String width) {
        Site.run(dir, site -> {
            var owner = site.signUp("Claire Vidal", OWNER);
            long org = site.organisation(owner, "Maison Vidal");
            var made = owner.post("/organisations/" + org + "/invitations", "email", CONTRIBUTOR);
            var link = Pattern.compile("/invitations/[A-Za-z0-9_-]{43}").matcher(made.body().string());
            assertTrue(link.find());
            String invitation = link.group();
            inBrowser(site, width, "invitation", true, b -> {
                b.go(invitation);
                assertEquals("Claire Vidal invites you to the Maison Vidal community", b.text("h1"));
                b.assertAccessible();
                b.follow("main a.button");
                assertEquals(CONTRIBUTOR, b.find("#email").getAttribute("value"), "the address invited is filled in");
                assertTrue(b.text("main .notice").contains("Maison Vidal"));
                b.assertAccessible();
                b.type("#name", "Eve Adams").type("#password", Site.PASSWORD).follow("main form button[type=submit]");
                assertEquals(invitation, b.path(), "back to the invitation, signed in");
                b.follow("main form button[type=submit]");
                assertTrue(b.path().startsWith("/organisations/" + org));
                assertEquals("You are a member of this community.", b.text("#community .notice"));

                b.driver.manage().deleteAllCookies();
                b.go(invitation);
                assertTrue(b.text("main .notice").contains("already been used"), "said before any click");
                assertTrue(b.all("main form").isEmpty(), "no Join button on a spent link");
                assertFalse(b.overflowsSideways());
                b.assertAccessible();
            });
        });
    }

    /** A post refused because the challenge closed meanwhile comes back with its text and the reason beside it. */
    @ParameterizedTest
    @MethodSource("widths")
    void aRefusedPostKeepsItsText(String width) {
        Site.run(dir, site -> {
            var pan = site.openChallenge("A lighter pan");
            site.signUp("Eve Adams", CONTRIBUTOR);
            inBrowser(site, width, "refused", true, b -> {
                signIn(b, CONTRIBUTOR);
                b.go("/challenges/" + pan.challenge()).follow("a.button[href*='/contribute']");
                b.type("#title", "A copper base").type("#body", "Typed with care, **before** it closed.");
                site.move(pan.owner(), pan.challenge(), "REVIEW");
                b.follow("main form button[type=submit]");
                assertTrue(b.text("p.refusal").contains("does not accept contributions now"), b.text("p.refusal"));
                assertEquals("A copper base", b.find("#title").getAttribute("value"));
                assertEquals("Typed with care, **before** it closed.", b.find("#body").getAttribute("value"));
                assertFalse(b.overflowsSideways());
                b.assertAccessible();
            });
        });
    }

    /** A decided challenge says so in words, with its outcome, and no closing date still to come. */
    @ParameterizedTest
    @MethodSource("widths")
    void aDecidedChallengeSaysWhereItStands(String width) {
        Site.run(dir, site -> {
            var pan = site.openChallenge("A lighter pan").withIdea("Eve Adams", "Hollow handle");
            pan.owner().post("/contributions/" + pan.idea() + "/responses", "status", "ACCEPTED", "body", "We will make it.");
            site.move(pan.owner(), pan.challenge(), "REVIEW");
            site.move(pan.owner(), pan.challenge(), "DECIDED");
            inBrowser(site, width, "decided", true, b -> {
                b.go("/challenges/" + pan.challenge());
                assertTrue(b.text(".state-line").startsWith("Decided on"), b.text(".state-line"));
                assertFalse(b.text(".state-line").contains("Closes"));
                assertTrue(b.text("#outcome").contains("Hollow handle") && b.text("#outcome").contains("We will make it."));
                assertFalse(b.overflowsSideways());
                b.assertAccessible();
            });
        });
    }

    /** Votes show as a compact count; the budget and the button only where a vote can count. */
    @ParameterizedTest
    @MethodSource("widths")
    void voteSignalsOnlyWhereAVoteCounts(String width) {
        Site.run(dir, site -> {
            var pan = site.openChallenge("A lighter pan", "voteBudget", "3").withIdea("Eve Adams", "Hollow handle");
            long copy = site.contribute(site.member("Bob Stone"), pan.challenge(), "Hollow handle again");
            pan.owner().post("/contributions/" + copy + "/responses", "status", "DUPLICATE", "body", "Same idea.", "duplicateOf", Long.toString(pan.idea()));
            site.move(pan.owner(), pan.challenge(), "VOTING");
            site.signUp("Finn Larsen", "finn@example.test");
            inBrowser(site, width, "votes", true, b -> {
                String challenge = "/challenges/" + pan.challenge();
                b.go(challenge);
                assertEquals("No votes", b.text("#votes-" + pan.idea() + " .count"));
                assertTrue(b.all("main .notice[role=status]").stream().noneMatch(n -> n.getText().contains("votes left")), "a visitor has no budget");
                assertTrue(b.all("#votes-" + pan.idea() + " button").isEmpty());
                double countHeight = ((Number) b.driver.executeScript(
                        "return document.querySelector('#votes-" + pan.idea() + " .count').getBoundingClientRect().height")).doubleValue();
                assertTrue(countHeight < 40, "a compact count, not a third of the card: " + countHeight);
                b.assertAccessible();

                signIn(b, "finn@example.test");
                b.go(challenge);
                assertTrue(b.text("main").contains("3 of 3 votes left"), "a voter sees the budget");
                assertEquals(1, b.all("#votes-" + pan.idea() + " button").size());
                assertTrue(b.all("#votes-" + copy + " button").isEmpty(), "no vote on a merged duplicate");
                b.click("#votes-" + pan.idea() + " button");
                b.waitFor("#votes-" + pan.idea() + " .count", "1 vote");
                b.assertAccessible();

                signIn(b, site.text("SELECT email FROM member WHERE id = ?", pan.owner().memberId));
                b.go(challenge);
                assertFalse(b.text("main").contains("votes left"), "staff have no budget to show");
                b.assertAccessible();
            });
        });
    }

    /**
     * The first hour of a company, using only what the pages and the log show: sign up, told to check the email;
     * the link from the log verifies the address; the organisation, then its first challenge, each said done; the
     * challenge opened. Every page is checked by axe at the width walked.
     */
    @ParameterizedTest
    @MethodSource("widths")
    void aCompanysFirstHourFromSignUpToAnOpenChallenge(String width) {
        Site.run(dir, site -> inBrowser(site, width, "first-hour", true, b -> {
            var log = new CapturedLog();
            b.go("/signup").type("#name", "Claire Vidal").type("#email", OWNER).type("#password", Site.PASSWORD).follow("main form button[type=submit]");
            assertTrue(b.text(".banner").contains("we sent a link to " + OWNER), "told to check the email, on the page that follows");
            b.assertAccessible();

            String link;
            try (log) {
                link = log.await(Pattern.compile("To: +" + Pattern.quote(OWNER) + "[\\s\\S]*?Link: +http://localhost(/verify/\\S+)"), Duration.ofSeconds(20));
            }
            b.go(link).assertAccessible();
            b.follow("main form button[type=submit]");
            assertTrue(b.text("main .notice").contains("Your address is verified"));
            assertTrue(b.all(".banner").isEmpty(), "the banner is gone");
            b.assertAccessible();

            b.go("/organisations").follow("main a[href='/organisations/new']");
            b.type("#name", "Maison Vidal").type("#description", "Pans made in *Thiers*.").follow("main form button[type=submit]");
            assertTrue(b.text("main .notice").contains("Maison Vidal is created, and you are its owner."));
            b.assertAccessible();

            b.follow("a.button[href$='/challenges/new']");
            b.assertAccessible();
            b.type("#title", "A lighter pan").type("#brief", "What should a **light** pan weigh?").follow("main form button[type=submit]");
            assertTrue(b.text(".badges").contains("Draft"));
            b.assertAccessible();
            b.follow("form[action$='/state'] button");
            assertTrue(b.text("main .notice").contains("The challenge is open"));
            assertTrue(b.text(".badges").contains("Open"));
            assertFalse(b.overflowsSideways());
            b.assertAccessible();
        }));
    }

    /** An inside-out challenge in a real browser: the technology sheet, a proposal, the private conversation, the agreement. */
    @ParameterizedTest
    @MethodSource("widths")
    void anInsideOutChallengeFromItsSheetToAnAgreement(String width) {
        Site.run(dir, site -> {
            var owner = site.signUp("Claire Vidal", OWNER);
            long org = site.organisation(owner, "Maison Vidal");
            long challenge = site.challenge(owner, org, "Our coating, your product", "mode", "INSIDE_OUT");
            site.joinCommunity(owner, org, site.signUp("Eve Adams", CONTRIBUTOR));
            inBrowser(site, width, "inside-out", true, b -> {
                signIn(b, OWNER);
                b.go("/challenges/" + challenge).follow("a[href$='/technology']");
                b.assertAccessible();
                b.type("#summary", "A ceramic coating that keeps heat in.").type("#capabilities", "Holds 400 °C.")
                        .click("input[name=arrangements][value=LICENCE]").type("#documents", "Data sheet https://example.com/sheet.pdf")
                        .follow("main form button[type=submit]");
                assertTrue(b.text("#technology").contains("A ceramic coating that keeps heat in."));
                b.follow("form[action$='/state'] button");
                assertTrue(b.text(".badges").contains("Open"));
                b.assertAccessible();

                signIn(b, CONTRIBUTOR);
                b.go("/challenges/" + challenge).follow("a.button[href$='kind=APPLICATION']");
                b.type("#title", "Warm lunch boxes").type("#proposer", "Boxy SAS").type("#market", "Schools in France")
                        .click("input[name=arrangement][value=LICENCE]").type("#body", "Boxes that keep food **warm**.").follow("main form button[type=submit]");
                assertEquals("Boxy SAS", b.text(".proposal dd"));
                String proposal = b.path();
                b.assertAccessible();

                signIn(b, OWNER);
                b.go(proposal).follow(".conversation-link a");
                b.type("#body", "Shall we talk about a licence for schools?").follow(".message-form button");
                b.assertAccessible();
                b.click("input[name=arrangement][value=LICENCE]").type("#terms", "Boxy SAS licenses the coating for five years.").follow(".agreement-form button");
                assertTrue(b.text("main .notice").contains("The agreement is recorded"));
                assertTrue(b.text("#agreement").contains("A licence"));
                assertFalse(b.overflowsSideways());
                b.assertAccessible();
            });
        });
    }

    /**
     * The money pages of a payee and of the admin at the width walked: bank details, tax details, earnings with a
     * payout sent to the bank, a self-billed invoice with its contest form; the bank statements, the payouts and their
     * batches, the yearly platform report. Each fits the screen and passes axe.
     */
    @ParameterizedTest
    @MethodSource("widths")
    void theMoneyPagesFitTheScreen(String width) {
        Site.run(TestDatabase.config(dir).withAdmins("admin@example.test"), new TestClock(Site.START), site -> {
            var admin = site.admin();
            var scene = site.openChallenge("A lunch box for cyclists").withIdea("Ana Ruiz", "Insulated pannier");
            var ana = scene.author();
            assertEquals(302, ana.post("/account/payee", "kind", "BUSINESS", "regime", "FRANCHISE", "legalName", "Ana Ruiz EI", "street", "3 rue des Lilas",
                    "postcode", "69003", "city", "Lyon", "country", "FR", "companyNumber", "123 456 782", "mandate", "yes").code());
            site.bankDetails(ana, "Ana Ruiz");
            site.deposit(admin, scene.organisation(), "1,000");
            assertEquals(302, scene.owner().post("/contributions/" + scene.idea() + "/responses", "status", "ACCEPTED", "body", "We take it.").code());
            String offer = "/offers/" + Site.idFrom(scene.owner().post("/contributions/" + scene.idea() + "/offers", "price", "100"));
            assertEquals(302, ana.post(offer + "/accept").code());
            assertEquals(302, ana.post(offer + "/deliver", "note", "Here it is").code());
            assertEquals(302, scene.owner().post(offer + "/approve").code());
            assertEquals(302, ana.post("/rewards/payout").code());
            assertEquals(302, admin.post("/admin/payouts/batches").code());
            long invoice = site.count("SELECT id FROM document WHERE kind = 'SELF_BILLED_INVOICE'");
            inBrowser(site, width, "money", false, b -> {
                signIn(b, site.email(ana));
                for (String path : new String[] {"/account/bank", "/account/tax", "/rewards", "/documents/" + invoice}) {
                    b.go(path);
                    assertFalse(b.overflowsSideways(), path);
                    b.assertAccessible();
                }
                assertTrue(b.all("form[action$='/objection'] textarea").size() == 1, "the contest form is on her invoice");
                signIn(b, "admin@example.test");
                for (String path : new String[] {"/admin/bank", "/admin/ledger", "/admin/platform-report"}) {
                    b.go(path);
                    assertFalse(b.overflowsSideways(), path);
                    b.assertAccessible();
                }
            });
        });
    }

    /** The pages of the open platform at the width walked: API tokens, the calendar address, webhooks and an endpoint's log. */
    @ParameterizedTest
    @MethodSource("widths")
    void theOpenPlatformPagesFitTheScreen(String width) {
        Site.run(TestDatabase.config(dir).withOperations(Config.Operations.DEFAULT.withWebhooksToPrivate()), new TestClock(Site.START), site -> {
            var owner = site.signUp("Claire Vidal", OWNER);
            long org = site.organisation(owner, "Maison Vidal");
            assertEquals(200, owner.post("/account/tokens", "name", "Project tracker", "scope", "READ").code());
            var created = owner.post("/organisations/" + org + "/webhooks", "url", "http://127.0.0.1:9/hook", "kind", "SIGNED", "events", "comment.created");
            assertEquals(302, created.code());
            String endpoint = Site.location(created);
            assertEquals(302, owner.post(endpoint + "/test").code());
            inBrowser(site, width, "open", false, b -> {
                signIn(b, OWNER);
                for (String path : new String[] {"/account/tokens", "/account/calendar", "/organisations/" + org + "/webhooks", endpoint}) {
                    b.go(path);
                    assertFalse(b.overflowsSideways(), path);
                    b.assertAccessible();
                }
            });
        });
    }
}
