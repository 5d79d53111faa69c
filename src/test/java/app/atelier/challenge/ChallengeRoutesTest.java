package app.atelier.challenge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.atelier.Config;
import app.atelier.ledger.Ledger;
import app.atelier.notification.Notifier;
import app.atelier.reward.contest.ContestService;
import app.atelier.support.Browser;
import app.atelier.support.Html;
import app.atelier.support.Site;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ChallengeRoutesTest {
    @TempDir
    Path dir;

    @Test
    void aManagerCreatesADraftThatOnlyTheStaffSee() {
        Site.run(dir, site -> {
            var owner = site.member("Claire Vidal");
            var moderator = site.member("Mona Roy");
            var member = site.member("Eve Adams");
            var otherOwner = site.member("Otto Berg");
            long org = site.organisation(owner, "Maison Vidal");
            site.organisation(otherOwner, "Berg GmbH");
            site.staff(owner, org, moderator, "MODERATOR");

            var created = owner.post("/organisations/" + org + "/challenges", "title", "A lighter pan", "brief", "What **weight**?",
                    "stage", "PROTOTYPING", "mode", "COMMUNITY");
            long id = Site.idFrom(created);
            assertEquals("TEST_REPORT,VALIDATION", site.text("SELECT kinds FROM challenge WHERE id = ?", id), "the stage's default kinds");
            String page = owner.page("/challenges/" + id);
            assertTrue(page.contains("<strong>weight</strong>"));
            assertTrue(page.contains("Draft") && page.contains("Prototyping") && page.contains("Test report"));
            assertTrue(moderator.page("/challenges/" + id).contains("A lighter pan"));
            for (Browser outsider : List.of(site.visitor(), member, otherOwner)) {
                assertEquals(404, outsider.get("/challenges/" + id).code());
                assertFalse(outsider.page("/organisations/" + org).contains("A lighter pan"));
            }
            assertFalse(site.visitor().page("/").contains("A lighter pan"));
        });
    }

    @Test
    void onlyTheOrganisationsManagersCreateChallenges() {
        Site.run(dir, site -> {
            var owner = site.member("Claire Vidal");
            var moderator = site.member("Mona Roy");
            var member = site.member("Eve Adams");
            var otherOwner = site.member("Otto Berg");
            long org = site.organisation(owner, "Maison Vidal");
            site.organisation(otherOwner, "Berg GmbH");
            site.staff(owner, org, moderator, "MODERATOR");
            String[] form = {"title", "Mine", "brief", "b", "stage", "IDEA_GENERATION", "mode", "OUTSIDE_IN"};
            for (Browser refused : List.of(moderator, member, otherOwner)) {
                assertEquals(403, refused.get("/organisations/" + org + "/challenges/new").code());
                assertEquals(403, refused.post("/organisations/" + org + "/challenges", form).code());
            }
            assertTrue(Site.location(site.visitor().get("/organisations/" + org + "/challenges/new")).startsWith("/login"));
            assertEquals(404, owner.get("/organisations/999/challenges/new").code());
            assertEquals(0, site.count("SELECT count(*) FROM challenge"));
            assertTrue(owner.page("/organisations/" + org + "/challenges/new").contains("Idea generation"));
        });
    }

    @Test
    void badChallengeInputIsShownBesideItsFieldAndKept() {
        Site.run(dir, site -> {
            var owner = site.member("Claire Vidal");
            long org = site.organisation(owner, "Maison Vidal");
            String path = "/organisations/" + org + "/challenges";
            String today = LocalDate.ofInstant(site.clock.instant(), ZoneOffset.UTC).toString();
            record Case(String field, String value, String message) {
            }
            for (var c : List.of(
                    new Case("title", "", "Please fill this in."),
                    new Case("title", "t".repeat(141), "At most 140 characters"),
                    new Case("brief", "b".repeat(20_001), "At most 20,000 characters"),
                    new Case("stage", "WORLD_DOMINATION", "Please choose one of the options."),
                    new Case("mode", "<script>", "Please choose one of the options."),
                    new Case("kinds", "POEM", "Please choose one of the options."),
                    new Case("opensOn", "tomorrow", "Enter a date as YYYY-MM-DD."),
                    new Case("closesOn", "2020-01-01", "The closing day has already passed."))) {
                var fields = new java.util.LinkedHashMap<>(java.util.Map.of("title", "A lighter pan", "brief", "kept brief",
                        "stage", "IDEA_GENERATION", "mode", "OUTSIDE_IN"));
                fields.put(c.field(), c.value());
                var args = fields.entrySet().stream().flatMap(e -> java.util.stream.Stream.of(e.getKey(), e.getValue())).toArray(String[]::new);
                var response = owner.post(path, args);
                String page = response.body().string();
                assertEquals(422, response.code(), c.toString());
                assertTrue(page.contains(c.message()), c + " says " + c.message());
                if (!c.field().equals("brief")) assertTrue(page.contains("kept brief"), "keeps the brief for " + c);
            }
            var wrongOrder = owner.post(path, "title", "T", "brief", "B", "stage", "LAUNCH", "mode", "COMMUNITY",
                    "opensOn", LocalDate.parse(today).plusDays(10).toString(), "closesOn", LocalDate.parse(today).plusDays(3).toString());
            assertTrue(wrongOrder.body().string().contains("The closing day must come after the opening day."));
            assertEquals(0, site.count("SELECT count(*) FROM challenge"));
        });
    }

    @Test
    void openChallengesAreListedNewestFirstWithTheirCounts() {
        Site.run(dir, site -> {
            var first = site.openChallenge("First challenge");
            site.clock.advance(Duration.ofMinutes(5));
            long second = site.openChallenge(first.owner(), first.organisation(), "Second challenge");
            site.challenge(first.owner(), first.organisation(), "Still a draft");
            var contributor = site.member("Eve Adams");
            site.contribute(contributor, first.challenge(), "An idea");
            String home = site.visitor().page("/");
            assertTrue(home.indexOf("Second challenge") < home.indexOf("First challenge"), "newest first");
            assertFalse(home.contains("Still a draft"));
            assertTrue(home.contains("1 contribution"));
            assertTrue(home.contains("Maison Vidal"));
            assertTrue(home.contains("/challenges/" + second));
        });
    }

    @Test
    void theManagerMovesTheChallengeThroughItsLifeAndNobodyElseMay() {
        Site.run(dir, site -> {
            var owner = site.member("Claire Vidal");
            var member = site.member("Eve Adams");
            var otherOwner = site.member("Otto Berg");
            long org = site.organisation(owner, "Maison Vidal");
            site.organisation(otherOwner, "Berg GmbH");
            long id = site.challenge(owner, org, "A lighter pan");
            for (Browser refused : List.of(member, otherOwner)) {
                assertEquals(404, site.move(refused, id, "OPEN").code(), "a draft does not exist for them");
            }
            assertEquals(409, site.move(owner, id, "DECIDED").code(), "no skipping from draft to decided");
            assertEquals(302, site.move(owner, id, "OPEN").code());
            assertEquals(409, site.move(owner, id, "OPEN").code(), "opening twice is refused");
            assertEquals(409, site.move(owner, id, "PARTY").code());
            for (Browser refused : List.of(member, otherOwner)) {
                assertEquals(403, site.move(refused, id, "VOTING").code());
                assertEquals(403, refused.get("/challenges/" + id + "/edit").code());
                assertEquals(403, refused.post("/challenges/" + id, "title", "Hijacked", "brief", "b", "stage", "LAUNCH", "mode", "OUTSIDE_IN").code());
            }
            assertTrue(Site.location(site.visitor().get("/challenges/" + id + "/edit")).startsWith("/login"));
            assertTrue(owner.page("/challenges/" + id + "/edit").contains("A lighter pan"));
            assertEquals(302, owner.post("/challenges/" + id, "title", "An even lighter pan", "brief", "b", "stage", "LAUNCH", "mode", "OUTSIDE_IN").code());
            assertTrue(site.visitor().page("/challenges/" + id).contains("An even lighter pan"));
            assertEquals(422, owner.post("/challenges/" + id, "title", "", "brief", "b", "stage", "LAUNCH", "mode", "OUTSIDE_IN").code());
            for (String state : List.of("VOTING", "REVIEW", "DECIDED", "CLOSED")) {
                assertEquals(302, site.move(owner, id, state).code(), state);
                assertEquals(state, site.text("SELECT state FROM challenge WHERE id = ?", id));
            }
            assertTrue(site.visitor().page("/challenges/" + id).contains("Closed"));
            assertEquals(409, site.move(owner, id, "CANCELLED").code(), "nothing after closed");
            assertEquals(409, owner.post("/challenges/" + id, "title", "Too late", "brief", "b", "stage", "LAUNCH", "mode", "OUTSIDE_IN").code());

            long cancelled = site.openChallenge(owner, org, "Cancelled one");
            assertEquals(302, site.move(owner, cancelled, "CANCELLED").code());
            assertFalse(site.visitor().page("/").contains("Cancelled one"));
        });
    }

    @Test
    void datesMoveAChallengeOnByThemselvesExactlyOnce() {
        Site.run(dir, site -> {
            var owner = site.member("Claire Vidal");
            long org = site.organisation(owner, "Maison Vidal");
            LocalDate today = LocalDate.ofInstant(site.clock.instant(), Config.HOME_ZONE);
            long id = Site.idFrom(owner.post("/organisations/" + org + "/challenges", "title", "Dated", "brief", "b",
                    "stage", "LAUNCH", "mode", "OUTSIDE_IN", "opensOn", today.plusDays(1).toString(), "closesOn", today.plusDays(2).toString()));
            assertEquals(0, advance(site));
            assertEquals("DRAFT", site.text("SELECT state FROM challenge WHERE id = ?", id));
            site.clock.advance(Duration.ofDays(1));
            assertEquals(1, advance(site));
            assertEquals(0, advance(site), "running twice moves nothing more");
            assertEquals("OPEN", site.text("SELECT state FROM challenge WHERE id = ?", id));
            assertTrue(site.visitor().page("/").contains("Dated"));
            site.clock.advance(Duration.ofDays(2));
            assertEquals(1, advance(site));
            assertEquals("REVIEW", site.text("SELECT state FROM challenge WHERE id = ?", id), "no voting period: straight to review");
        });
    }

    @Test
    void aVotingPeriodFollowsTheClosingDayAndEndsInReviewEvenAcrossARestart() {
        Site.run(dir, site -> {
            var owner = site.member("Claire Vidal");
            long org = site.organisation(owner, "Maison Vidal");
            LocalDate today = LocalDate.ofInstant(site.clock.instant(), Config.HOME_ZONE);
            long id = Site.idFrom(owner.post("/organisations/" + org + "/challenges", "title", "Dated", "brief", "b",
                    "stage", "LAUNCH", "mode", "OUTSIDE_IN", "closesOn", today.plusDays(2).toString(), "votingClosesOn", today.plusDays(4).toString()));
            site.move(owner, id, "OPEN");
            site.clock.advance(Duration.ofDays(3));
            assertEquals(1, advance(site));
            assertEquals("VOTING", site.text("SELECT state FROM challenge WHERE id = ?", id));
            var eve = site.member("Eve Adams");
            assertEquals(409, eve.post("/challenges/" + id + "/contributions", "kind", "IDEA", "title", "Late", "body", "b").code());
            site.clock.advance(Duration.ofDays(2));
            assertEquals(1, advance(site), "a fresh start of the service, as after a restart, still moves it once");
            assertEquals(0, advance(site));
            assertEquals("REVIEW", site.text("SELECT state FROM challenge WHERE id = ?", id));
        });
    }

    private static int advance(Site site) {
        return site.withDatabase(db -> new ChallengeService(db, site.clock, new Notifier("http://localhost", Config.HOME_ZONE), ContestService.funding(new Ledger(site.clock))).advanceByDates());
    }

    @Test
    void theHomeAndOrganisationPagesListTwentyChallengesAtATimeByTheirNextLinks() {
        Site.run(dir, site -> {
            var owner = site.member("Claire Vidal");
            long org = site.organisation(owner, "Maison Vidal");
            for (int i = 1; i <= 21; i++) {
                site.clock.advance(Duration.ofMinutes(1));
                site.openChallenge(owner, org, "Challenge number " + i);
            }
            for (String first : List.of("/", "/organisations/" + org)) {
                String page = site.visitor().page(first);
                assertTrue(page.contains("Challenge number 21<") && page.contains("Challenge number 2<"), first + ": the newest twenty");
                assertFalse(page.contains("Challenge number 1<"), first);
                String second = site.visitor().page(Html.of(page).link("a[rel=next]"));
                assertTrue(second.contains("Challenge number 1<") && !second.contains("Challenge number 2<"), first + ": the rest");
                assertFalse(Html.of(second).has("a[rel=next]"), first + ": the last page");
                assertEquals(400, site.visitor().get(first + "?after=yesterday").code());
            }
        });
    }

    @Test
    void theChallengesPageListsWhatAVisitorMaySeeNarrowedByStageStateModeAndCompany() {
        Site.run(dir, site -> {
            var claire = site.member("Claire Vidal");
            long vidal = site.organisation(claire, "Maison Vidal");
            var thomas = site.member("Thomas Dubois");
            long altitude = site.organisation(thomas, "Cycles Altitude");
            site.openChallenge(claire, vidal, "A lighter pan");
            site.move(claire, site.openChallenge(claire, vidal, "A box that keeps", "stage", "PACKAGING", "kinds", "IDEA"), "REVIEW");
            site.openChallenge(thomas, altitude, "Cargo bike", "stage", "CONCEPT_TEST", "mode", "COMMUNITY", "kinds", "IDEA");
            site.challenge(claire, vidal, "A draft nobody sees");
            site.openChallenge(thomas, altitude, "Members only", "mode", "COMMUNITY", "visibility", "PRIVATE");

            assertEquals(List.of("Cargo bike", "A box that keeps", "A lighter pan"), titles(site, "/challenges"), "newest first, no draft, nothing private");
            assertEquals(List.of("A box that keeps"), titles(site, "/challenges?stage=PACKAGING"));
            assertEquals(List.of("A box that keeps"), titles(site, "/challenges?state=REVIEW"));
            assertEquals(List.of("Cargo bike"), titles(site, "/challenges?mode=COMMUNITY"));
            assertEquals(List.of("A box that keeps", "A lighter pan"), titles(site, "/challenges?organisation=" + vidal));
            assertEquals(List.of(), titles(site, "/challenges?stage=PACKAGING&organisation=" + altitude));
            var page = Html.of(site.visitor().page("/challenges?stage=PACKAGING"));
            assertEquals("PACKAGING", page.value("#stage option[selected]"), "the choice stays chosen");
            assertEquals(List.of("Any", "Cycles Altitude", "Maison Vidal"), page.texts("#organisation option"), "companies with a visible challenge");
            for (String bad : List.of("?stage=BOGUS", "?state=DRAFT", "?mode=x", "?after=1;2")) {
                assertEquals(400, site.visitor().get("/challenges" + bad).code(), bad);
            }
            assertEquals(404, site.visitor().get("/challenges?organisation=abc").code());
            assertEquals("/challenges", Html.of(site.visitor().page("/")).link("a[href=/challenges]"), "the home page leads there");
        });
    }

    private static List<String> titles(Site site, String path) {
        return Html.of(site.visitor().page(path)).texts(".cards h3 a");
    }
}
