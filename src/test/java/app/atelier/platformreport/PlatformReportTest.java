package app.atelier.platformreport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.atelier.support.Browser;
import app.atelier.support.Site;
import app.atelier.support.TestClock;
import app.atelier.support.TestDatabase;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The yearly platform report through the running app: its line at thirty payments and at 2,000.00 € paid, the tax
 * details a seller past it gives before being paid again, the admin's report and its CSV.
 */
class PlatformReportTest {
    @TempDir
    Path dir;

    private void run(Site.Steps steps) {
        Site.run(TestDatabase.config(dir).withAdmins("admin@example.test"), new TestClock(Site.START), steps);
    }

    private static final String REPORT = "/admin/platform-report?year=2026";

    private static void privatePayee(Browser member, String name) {
        assertEquals(302, member.post("/account/payee", "kind", "PRIVATE", "legalName", name, "street", "3 rue des Lilas", "postcode", "69003", "city", "Lyon",
                "country", "FR").code());
    }

    @Test
    void theLineIsAtTwoThousandEurosAndASellerPastItGivesTaxDetailsBeforeBeingPaid() {
        run(site -> {
            var admin = site.admin();
            var scene = site.draftChallenge("A lunch box for cyclists");
            long challenge = scene.challenge();
            assertEquals(302, scene.owner().post("/challenges/" + challenge + "/prizes", "prize1", "2000.00", "prize2", "1999.99").code());
            site.deposit(admin, scene.organisation(), "3999.99");
            assertEquals(302, site.move(scene.owner(), challenge, "OPEN").code());
            var ana = site.member("Ana Ruiz");
            var ben = site.member("Ben Okafor");
            long anaIdea = site.contribute(ana, challenge, "Insulated pannier");
            long benIdea = site.contribute(ben, challenge, "Fold-flat box");
            assertEquals(302, site.move(scene.owner(), challenge, "REVIEW").code());
            assertEquals(302, scene.owner().post("/challenges/" + challenge + "/results", "rank1", String.valueOf(benIdea), "rank2", String.valueOf(anaIdea)).code());

            String report = admin.page(REPORT);
            assertTrue(report.contains("1 seller whose details are missing") && report.contains("Member no. " + ben.memberId), "2,000.00 € is past the line");
            assertFalse(report.contains("Member no. " + ana.memberId), "1,999.99 € is not");
            assertTrue(report.contains("No payee profile"), report);

            for (var member : new Browser[] {ana, ben}) {
                privatePayee(member, member == ana ? "Ana Ruiz" : "Ben Okafor");
                site.bankDetails(member, member == ana ? "Ana Ruiz" : "Ben Okafor");
            }
            var refused = ben.post("/rewards/payout");
            assertEquals(409, refused.code());
            assertTrue(refused.body().string().contains("give your tax details"));
            assertTrue(ben.page("/rewards").contains("href=\"/account/tax\""), "his earnings page says where");
            assertEquals(302, ana.post("/rewards/payout").code(), "below the line, nothing more is asked");
            assertTrue(ben.page("/account/tax").contains("You have crossed the line"));
            String hers = ana.page("/account/tax");
            assertTrue(hers.contains("1 payment, €1,999.99 received") && !hers.contains("You have crossed the line"), hers);

            String[][] bad = {
                {"", "1234567890123", "FR", "birthDate"},
                {"14/13/1990", "1234567890123", "FR", "birthDate"},
                {"2020-01-01", "1234567890123", "FR", "birthDate"},
                {"1890-01-01", "1234567890123", "FR", "birthDate"},
                {"1990-03-14", "", "FR", "taxNumber"},
                {"1990-03-14", "4234567890123", "FR", "taxNumber"},
                {"1990-03-14", "123456789012", "FR", "taxNumber"},
                {"1990-03-14", "<script>alert(1)</script>", "DE", "taxNumber"},
                {"1990-03-14", "X".repeat(21), "DE", "taxNumber"},
                {"1990-03-14", "1234567890123", "US", "taxCountry"},
            };
            for (String[] typed : bad) {
                var answer = ben.post("/account/tax", "birthDate", typed[0], "taxNumber", typed[1], "taxCountry", typed[2]);
                assertEquals(422, answer.code(), String.join(" ", typed));
                String page = answer.body().string();
                assertTrue(page.contains("id=\"" + typed[3] + "-error\""), "a message beside the field for " + String.join(" ", typed));
                assertFalse(page.contains("<script>alert(1)"), "shown back escaped");
            }
            assertEquals(403, ben.postRaw("/account/tax", "birthDate", "1990-03-14", "taxNumber", "1234567890123", "taxCountry", "FR").code(), "no token");
            assertEquals(403, ben.postRaw("/account/tax", "birthDate", "1990-03-14", "taxNumber", "1234567890123", "taxCountry", "FR", "csrf", "wrong").code());
            assertEquals(0, site.count("SELECT count(*) FROM seller_tax"), "nothing saved");

            assertEquals(302, ben.post("/account/tax", "birthDate", "14/03/1990", "taxNumber", "1 23 45 67 89 012 3", "taxCountry", "FR").code(),
                    "the French way of writing a date, and a number in groups");
            assertEquals("1990-03-14|1234567890123", site.text("SELECT birth_date || '|' || tax_number FROM seller_tax WHERE member_id = ?", ben.memberId));
            assertEquals(302, ben.post("/rewards/payout").code(), "paid once his details are given");

            report = admin.page(REPORT);
            assertTrue(report.contains("1 seller ready to report") && report.contains("No seller whose details are missing"), report);
            var csv = admin.download("/admin/platform-report.csv?year=2026");
            assertEquals(200, csv.statusCode());
            assertEquals("attachment; filename=\"platform-report-2026.csv\"", csv.headers().firstValue("Content-Disposition").orElse(""));
            String rows = new String(csv.body(), StandardCharsets.UTF_8);
            assertTrue(rows.contains("\"year\",\"member\",\"kind\",\"name\",\"street\",\"postcode\",\"city\",\"country\",\"birth_date\",\"tax_number\",\"tax_country\","
                    + "\"company_number\",\"vat_number\",\"iban\",\"account_holder\",\"q1_operations\",\"q1_paid\",\"q1_fees\","), rows);
            assertTrue(rows.contains("2026," + ben.memberId + ",\"PRIVATE\",\"Ben Okafor\",\"3 rue des Lilas\",\"69003\",\"Lyon\",\"FR\",\"1990-03-14\",\"1234567890123\","
                    + "\"FR\",\"\",\"\",\"FR7630006000011234567890189\",\"Ben Okafor\",1,2000.00,0.00,0,0.00,0.00,0,0.00,0.00,0,0.00,0.00,1,2000.00,0.00,\"EUR\",\"\""), rows);
            assertEquals(2, rows.lines().count(), "Ana is not reported");

            assertEquals(403, ben.get(REPORT).code(), "a seller does not read the report");
            assertEquals(403, ben.get("/admin/platform-report.csv").code());
            assertEquals(403, scene.owner().get(REPORT).code(), "nor does an organisation");
            assertEquals(302, site.visitor().get(REPORT).code(), "a visitor is sent to sign in");
            assertEquals(302, site.visitor().get("/account/tax").code());
            assertEquals(400, admin.get("/admin/platform-report?year=soon").code());
            assertEquals(400, admin.get("/admin/platform-report.csv?year=1999").code());
        });
    }

    @Test
    void theLineIsAtThirtyPaymentsAndAPayoutAskedBeforeItWaitsForTheDetails() {
        run(site -> {
            var admin = site.admin();
            var scene = site.openChallenge("A lunch box for cyclists");
            var ana = site.member("Ana Ruiz");
            assertEquals(302, ana.post("/account/payee", "kind", "BUSINESS", "regime", "FRANCHISE", "legalName", "Ana Ruiz EI", "street", "3 rue des Lilas",
                    "postcode", "69003", "city", "Lyon", "country", "FR", "companyNumber", "123 456 782", "mandate", "yes").code());
            site.bankDetails(ana, "Ana Ruiz");
            site.deposit(admin, scene.organisation(), "1,000");
            for (int i = 1; i <= 29; i++) paid(site, scene, ana, i);
            assertFalse(admin.page(REPORT).contains("Ana Ruiz EI"), "29 payments are below the line");
            assertEquals(302, ana.post("/rewards/payout").code());

            paid(site, scene, ana, 30);
            String report = admin.page(REPORT);
            assertTrue(report.contains("Ana Ruiz EI") && report.contains("No tax number") && !report.contains("No date of birth"),
                    "the 30th payment crosses it; a business gives no date of birth");
            assertTrue(admin.page("/admin/ledger").contains("Tax details missing for the yearly report"), "her payout asked before waits");
            assertEquals(409, admin.post("/admin/payouts/batches").code(), "nothing to send to the bank");
            String hers = ana.page("/account/tax");
            assertTrue(hers.contains("30 payments") && hers.contains("123456782") && !hers.contains("birthDate"), "her SIREN offered as her tax number");
            assertEquals(302, ana.post("/account/tax", "taxNumber", "123456782", "taxCountry", "FR").code());
            assertEquals(302, admin.post("/admin/payouts/batches").code(), "sent once her details are given");
            String rows = new String(admin.download("/admin/platform-report.csv?year=2026").body(), StandardCharsets.UTF_8);
            assertTrue(rows.contains(",\"BUSINESS\",\"Ana Ruiz EI\",") && rows.contains(",30,246.00,54.00,0,0.00,0.00,0,0.00,0.00,0,0.00,0.00,30,246.00,54.00,\"EUR\","),
                    "thirty payments of 10.00 less their 1.80 fee: " + rows);
        });
    }

    /** The owner accepts one more of the seller's ideas, offers 10.00 for it, and pays it once delivered. */
    private static void paid(Site site, Site.Scene scene, Browser seller, int n) {
        long idea = site.contribute(seller, scene.challenge(), "Idea number " + n);
        assertEquals(302, scene.owner().post("/contributions/" + idea + "/responses", "status", "ACCEPTED", "body", "Yes").code());
        String offer = "/offers/" + Site.idFrom(scene.owner().post("/contributions/" + idea + "/offers", "price", "10"));
        assertEquals(302, seller.post(offer + "/accept").code());
        assertEquals(302, seller.post(offer + "/deliver", "note", "Done").code());
        assertEquals(302, scene.owner().post(offer + "/approve").code());
    }
}
