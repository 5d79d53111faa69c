package app.atelier.analytics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.atelier.support.Browser;
import app.atelier.support.Html;
import app.atelier.support.Site;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DashboardTest {
    @TempDir
    Path dir;

    private static List<String> numbers(Html page, String section) {
        return page.texts("section[aria-labelledby=" + section + "] .chart-numbers table td");
    }

    @Test
    void theStaffSeeTheFunnelTheFlowTheWaitsAndWhoIsMostActive() {
        Site.run(dir, site -> {
            var pan = site.openChallenge("A lighter pan");
            var claire = pan.owner();
            var eve = site.member("Eve Adams");
            var finn = site.member("Finn Larsen");
            var gina = site.member("Gina Rossi");
            for (Browser member : List.of(eve, finn, gina)) member.page("/challenges/" + pan.challenge());
            site.visitor().page("/challenges/" + pan.challenge());
            long first = site.contribute(eve, pan.challenge(), "Hollow handle");
            long second = site.contribute(eve, pan.challenge(), "Copper base");
            long third = site.contribute(finn, pan.challenge(), "Glass lid");
            site.comment(gina, first, "Yes please", null);
            gina.post("/contributions/" + first + "/vote");
            finn.post("/contributions/" + first + "/vote");
            // Official responses after 1, 2 and 10 hours: the median wait is 2 hours, nine in ten within 10.
            site.clock.advance(Duration.ofHours(1));
            claire.post("/contributions/" + third + "/responses", "status", "UNDER_REVIEW", "body", "Looking");
            site.clock.advance(Duration.ofHours(1));
            claire.post("/contributions/" + first + "/responses", "status", "ACCEPTED", "body", "Yes");
            site.clock.advance(Duration.ofHours(8));
            claire.post("/contributions/" + second + "/responses", "status", "DECLINED", "body", "No");

            var page = Html.of(claire.page("/challenges/" + pan.challenge() + "/dashboard"));
            assertEquals(List.of("3", "2", "1", "2"), numbers(page, "funnel-title"), "looked, contributed, commented, voted");
            assertEquals(List.of("2 h", "10 h", "3", "0"), page.texts("dl.figures dd"));
            var weeks = numbers(page, "weeks-title");
            assertEquals(24, weeks.size(), "twelve weeks of contributions, twelve of votes");
            assertEquals("3", weeks.get(11), "this week's contributions");
            assertEquals("2", weeks.get(23), "this week's votes");
            var kinds = page.texts("section[aria-labelledby=kinds-title] .chart-numbers table tr");
            assertTrue(kinds.contains("Idea 3") && kinds.contains("Accepted 1") && kinds.contains("Declined 1") && kinds.contains("Under review 1"), kinds.toString());
            assertEquals(List.of("Eve Adams 2 2", "Finn Larsen 1 0"), page.texts("table.most-active tbody tr"));
            assertTrue(page.has("section[aria-labelledby=funnel-title] svg rect"), "drawn on the server");

            var organisation = Html.of(claire.page("/organisations/" + site.count("SELECT organisation_id FROM challenge") + "/dashboard"));
            assertTrue(organisation.texts("section[aria-labelledby=kinds-title] .chart-numbers table tr").contains("Idea generation 3"), "by stage");
            assertEquals(List.of("3", "2", "1", "2"), numbers(organisation, "funnel-title"));

            // The counts are kept a minute, then counted again in the background while the last ones are shown.
            site.contribute(gina, pan.challenge(), "A third handle");
            assertTrue(claire.page("/challenges/" + pan.challenge() + "/dashboard").contains("Figures as of"));
            assertEquals("3", numbers(Html.of(claire.page("/challenges/" + pan.challenge() + "/dashboard")), "weeks-title").get(11), "within the minute");
            site.clock.advance(Duration.ofMinutes(2));
            claire.page("/challenges/" + pan.challenge() + "/dashboard"); // starts the count, shows the last one
            long waited = System.nanoTime();
            String counted;
            do {
                counted = numbers(Html.of(claire.page("/challenges/" + pan.challenge() + "/dashboard")), "weeks-title").get(11);
            } while (!counted.equals("4") && System.nanoTime() - waited < Duration.ofSeconds(10).toNanos());
            assertEquals("4", counted, "counted again");
        });
    }

    @Test
    void onlyTheOrganisationsStaffSeeItsDashboards() {
        Site.run(dir, site -> {
            var pan = site.openChallenge("A lighter pan");
            long organisation = site.count("SELECT organisation_id FROM challenge");
            var mona = site.member("Mona Roy");
            site.staff(pan.owner(), organisation, mona, "MODERATOR");
            var otto = site.member("Otto Berg");
            site.organisation(otto, "Berg GmbH");
            for (String address : List.of("/challenges/" + pan.challenge() + "/dashboard", "/organisations/" + organisation + "/dashboard")) {
                assertEquals(200, mona.get(address).code(), address);
                assertEquals(403, site.member("Eve Adams").get(address).code(), address);
                assertEquals(403, otto.get(address).code(), "another organisation's owner: " + address);
                assertTrue(Site.location(site.visitor().get(address)).startsWith("/login"), address);
            }
            assertEquals(404, mona.get("/organisations/999/dashboard").code());
            assertEquals(404, mona.get("/challenges/999/dashboard").code());
        });
    }
}
