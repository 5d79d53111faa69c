package app.atelier.account;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.atelier.App;
import app.atelier.db.MemberData;
import app.atelier.support.Browser;
import app.atelier.support.Site;
import app.atelier.support.SqliteOnly;
import app.atelier.support.TestClock;
import app.atelier.support.TestDatabase;
import java.nio.file.Path;
import java.util.TreeSet;
import java.util.regex.Pattern;
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
            assertTrue(json.indexOf("\"member\"") < json.indexOf("\"notifications\""), "the download opens with who they are");
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
    void theExportHoldsEverythingAboutTheMembersMoney() {
        Site.run(TestDatabase.config(dir).withAdmins("admin@example.test"), new TestClock(Site.START), site -> {
            var admin = site.admin();
            var box = site.draftChallenge("A lunch box for cyclists");
            site.deposit(admin, box.organisation(), "1,000");
            assertEquals(302, box.owner().post("/challenges/" + box.challenge() + "/prizes", "prize1", "300", "royaltyRate", "5", "reflect", "yes", "reflectionDays", "7").code());
            assertEquals(302, site.move(box.owner(), box.challenge(), "OPEN").code());
            var eve = site.signUp("Eve Adams", "eve@example.test");
            long idea = site.contribute(eve, box.challenge(), "Hollow handle");
            assertEquals(302, box.owner().post("/contributions/" + idea + "/responses", "status", "ACCEPTED", "body", "We take it.").code());
            long offer = Site.idFrom(box.owner().post("/contributions/" + idea + "/offers", "price", "100"));
            assertEquals(302, eve.post("/offers/" + offer + "/accept").code());
            assertEquals(302, site.move(box.owner(), box.challenge(), "REVIEW").code());
            assertEquals(302, box.owner().post("/challenges/" + box.challenge() + "/results", "rank1", String.valueOf(idea)).code());
            assertEquals(302, box.owner().post("/challenges/" + box.challenge() + "/shares", "weight" + eve.memberId, "3", "action", "fix").code());
            assertEquals(302, box.owner().post("/challenges/" + box.challenge() + "/reflection", "mode", "EACH", "amount-" + eve.memberId, "40").code());
            assertEquals(302, eve.post("/account/payee", "kind", "PRIVATE", "legalName", "Eve Adams", "street", "1 rue A", "postcode", "75001", "city", "Paris",
                    "country", "FR").code());
            site.bankDetails(eve, "Eve Adams");
            assertEquals(302, eve.post("/rewards/payout").code());

            String json = eve.get("/account/export").body().string();
            for (String part : new String[] {"\"terms_accepted\"", "\"offers_and_tasks\"", "\"price\" : 10000", "\"prizes\"", "\"amount\" : 30000",
                    "\"royalty_shares\"", "\"weight\" : 3", "\"paid_after_reflection\"", "\"amount\" : 4000", "\"earnings\"", "\"PRIZES\"",
                    "\"payout_requests\"", "\"amount\" : 33280", "\"documents\"", "\"PAYMENT_STATEMENT\"", "\"bank_details\"", "\"FR7630006000011234567890189\""}) {
                assertTrue(json.contains(part), part + " in " + json);
            }
            assertFalse(json.contains(site.email(box.owner())) || json.contains("admin@example.test"), "nothing of others' own data");
        });
    }

    /**
     * Every column of the schema that names a member (a key to member, or named so) is in one feature's share, with its
     * treatment, and the share honours it: what is exported is read by one of its parts. Read from SQLite's catalogue;
     * {@code SchemaParityTest} keeps PostgreSQL's the same.
     */
    @Test
    @SqliteOnly
    void everyColumnNamingAMemberIsInAFeaturesShare() {
        Site.run(dir, site -> {
            var columns = new TreeSet<String>();
            for (String table : site.texts("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE 'flyway%'")) {
                var keys = site.texts("SELECT \"from\" FROM pragma_foreign_key_list(?) WHERE \"table\" = 'member'", table);
                for (String column : site.texts("SELECT name FROM pragma_table_info(?)", table)) {
                    if (keys.contains(column) || column.matches("(member|author|expert|actor|subject_member)_id|.+_by")) columns.add(table + "." + column);
                }
            }
            var declared = new TreeSet<String>();
            for (MemberData share : App.MEMBER_DATA) {
                share.columns().keySet().forEach(column -> assertTrue(declared.add(column), column + " is in two shares"));
                String queries = String.join("\n", share.exports().values());
                share.columns().forEach((column, treatment) -> {
                    String table = column.substring(0, column.indexOf('.'));
                    if (treatment.exported()) {
                        assertTrue(Pattern.compile("\\b(FROM|JOIN) " + table + "\\b").matcher(queries).find(), column + " is exported: one of its share's parts reads it");
                    }
                });
            }
            assertEquals(columns, declared, "a column names a member and no feature's share says what becomes of it, or one is gone");
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
