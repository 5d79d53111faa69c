package app.atelier.account;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.atelier.support.Browser;
import app.atelier.support.Site;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PersonalDataTest {
    @TempDir
    Path dir;

    @Test
    void aMemberDownloadsEverythingHeldAboutThemAndNothingOfOthers() {
        Site.run(dir, site -> {
            var pan = site.openChallenge("A lighter pan");
            var eve = site.signUp("Eve Adams", "eve@example.test");
            long id = site.contribute(eve, pan.challenge(), "Hollow handle");
            site.comment(eve, id, "My own remark", null);
            long other = site.contribute(pan.owner(), pan.challenge(), "Owner idea");
            eve.post("/contributions/" + other + "/vote");
            eve.post("/expert", "perMinute", "1.25", "freeMinutes", "5", "open", "yes");
            var export = eve.get("/account/export");
            assertEquals(200, export.code());
            assertTrue(export.headers().get("Content-Disposition").get(0).contains("attachment"));
            String json = export.body().string();
            assertTrue(json.contains("\"email\" : \"eve@example.test\"") && json.contains("Hollow handle") && json.contains("My own remark"), json);
            assertTrue(json.contains("\"contribution_id\" : " + other), "votes given");
            assertTrue(json.contains("\"per_minute\" : 125"), "the expert rate");
            assertTrue(json.contains("\"created_at\" : \"2026-"), "dates as dates");
            assertFalse(json.contains("password") || json.contains("argon2"), "no secrets");
            assertFalse(json.contains("Owner idea"), "nothing of others' own data");
            assertTrue(Site.location(site.visitor().get("/account/export")).startsWith("/login"));
        });
    }

    @Test
    void deletingAnAccountErasesThePersonAndKeepsTheConversation() {
        Site.run(dir, site -> {
            var pan = site.openChallenge("A lighter pan");
            var eve = site.signUp("Eve Adams", "eve@example.test");
            long id = site.contribute(eve, pan.challenge(), "Hollow handle");
            long other = site.contribute(pan.owner(), pan.challenge(), "Owner idea");
            eve.post("/contributions/" + other + "/vote");
            long reply = site.comment(pan.owner(), id, "Tell me more", null);
            site.comment(eve, id, "Gladly", reply);
            assertEquals(302, eve.post("/expert", "perMinute", "1.25", "freeMinutes", "5", "open", "yes").code());

            var wrong = eve.post("/account/delete", "password", "not my password");
            assertEquals(422, wrong.code());
            assertTrue(wrong.body().string().contains("This is not your password."));
            assertEquals(409, pan.owner().post("/account/delete", "password", Site.PASSWORD).code(), "the only owner cannot leave");
            assertEquals(403, eve.postRaw("/account/delete", "password", Site.PASSWORD).code());

            assertEquals(302, eve.post("/account/delete", "password", Site.PASSWORD).code());
            String page = site.visitor().page("/contributions/" + id);
            assertTrue(page.contains("Hollow handle") && page.contains("former member") && page.contains("Gladly"));
            assertFalse(page.contains("Eve Adams"));
            assertTrue(new Browser(site.app, "fr").page("/contributions/" + id).contains("ancien membre"), "said in the reader's language");
            assertEquals("", site.text("SELECT name FROM member WHERE email LIKE 'deleted-%'"), "stored as a marker, not as words");
            assertEquals(1, site.count("SELECT vote_count FROM contribution WHERE id = ?", other), "vote counts hold");
            assertEquals(0, site.count("SELECT count(*) FROM member WHERE email LIKE '%eve@example.test%'"));
            assertEquals(0, site.count("SELECT count(*) FROM notification n JOIN member m ON m.id = n.member_id WHERE m.name = ''"));
            assertTrue(Site.location(eve.get("/account")).startsWith("/login"), "signed out");
            assertEquals(0, site.count("SELECT count(*) FROM expert_rate"), "no longer bookable");
            assertFalse(site.visitor().page("/experts").contains("1.25"));
            var again = site.visitor();
            again.get("/login");
            assertEquals(422, again.post("/login", "email", "eve@example.test", "password", Site.PASSWORD).code());
            site.signUp("Eve Adams", "eve@example.test");
        });
    }
}
