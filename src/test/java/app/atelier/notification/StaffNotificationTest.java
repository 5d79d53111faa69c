package app.atelier.notification;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.atelier.support.Html;
import app.atelier.support.Site;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An organisation's owners, managers and moderators hear of what happens in it, and reach it from every page. */
class StaffNotificationTest {
    @TempDir
    Path dir;

    private static List<String> notices(Site site, long memberId) {
        return List.of(site.text("SELECT coalesce(string_agg(kind, ','), '') FROM (SELECT kind FROM notification WHERE member_id = ? ORDER BY id) told", memberId)
                .split(",")).stream().filter(k -> !k.isEmpty() && !k.equals("STAFF_OFFER")).toList();
    }

    @Test
    void theStaffAreToldOfApplicationsContributionsFlagsAndMoves() {
        Site.run(dir, site -> {
            var claire = site.member("Claire Vidal");
            long vidal = site.organisation(claire, "Maison Vidal");
            var mona = site.member("Mona Roy");
            site.staff(claire, vidal, mona, "MODERATOR");
            var max = site.member("Max Weber");
            site.staff(claire, vidal, max, "MANAGER");
            assertEquals(List.of("/organisations/" + vidal), Html.of(mona.page("/")).links("header nav.wide a.workplace"), "a way to the organisation from every page");
            assertEquals(List.of(), Html.of(site.member("Nina Other").page("/")).links("header nav.wide a.workplace"));

            long pan = site.openChallenge(max, vidal, "A lighter pan");
            var eve = site.member("Eve Adams");
            long idea = site.contribute(eve, pan, "Hollow handle");
            assertEquals(302, eve.post("/organisations/" + vidal + "/apply", "city", "Lyon", "country", "France", "ageRange", "25-34",
                    "occupation", "Cook", "productUse", "Daily", "skills", "cooking", "motivation", "Care").code());
            assertEquals(302, site.member("Finn Larsen").post("/contributions/" + idea + "/flag", "reason", "SPAM", "note", "Ad").code());

            for (long staff : List.of(claire.memberId, mona.memberId)) {
                assertEquals(List.of("CHALLENGE_MOVED", "NEW_CONTRIBUTION", "NEW_APPLICATION", "NEW_FLAG"), notices(site, staff));
            }
            assertEquals(List.of("NEW_CONTRIBUTION", "NEW_APPLICATION", "NEW_FLAG"), notices(site, max.memberId), "not told of their own move");
            assertEquals(List.of(), notices(site, eve.memberId).stream().filter(k -> k.startsWith("NEW_")).toList(), "members are not");
            assertTrue(mona.page("/notifications").contains("Eve Adams sent “Hollow handle” (Idea)"));
            assertEquals(4, site.count("SELECT count(*) FROM outbox WHERE member_id = ? AND digest = 1", mona.memberId), "in the daily digest by default");

            assertEquals(302, mona.post("/account/notifications", "NEW_CONTRIBUTION", "NOW", "NEW_FLAG", "OFF").code());
            String atOnce = "SELECT count(*) FROM outbox WHERE member_id = ? AND digest = 0";
            long before = site.count(atOnce, mona.memberId);
            site.contribute(site.member("Gina Rossi"), pan, "Copper base");
            assertEquals(before + 1, site.count(atOnce, mona.memberId), "as chosen: at once");
        });
    }
}
