package app.atelier.reward;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.atelier.bank.CreditorReference;
import app.atelier.support.BankFiles;
import app.atelier.support.Browser;
import app.atelier.support.Site;
import app.atelier.support.TestClock;
import app.atelier.support.TestDatabase;
import io.javalin.testtools.Response;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The bank's statements, imported: transfers reach their wallet by their creditor reference, once; the rest wait for an admin. */
class BankStatementTest {
    @TempDir
    Path dir;

    private void run(Site.Steps steps) {
        Site.run(TestDatabase.config(dir).withAdmins("admin@example.test"), new TestClock(Site.START), steps);
    }

    private static Response upload(Browser admin, String xml) {
        return admin.postFiles("/admin/bank/statements", List.of(new Browser.FilePart("statement", "statement.xml", "application/xml",
                xml.getBytes(StandardCharsets.UTF_8))));
    }

    private static long wallet(Site site, long organisation) {
        return site.count("SELECT coalesce((SELECT balance FROM ledger_account WHERE kind = 'WALLET' AND owner_id = ?), 0)", organisation);
    }

    private static void balanced(Browser admin) {
        assertTrue(admin.page("/admin/ledger").contains("Every balance agrees"), "the ledger's check");
    }

    @Test
    void transfersReachTheirWalletByTheirReferenceOnceAndTheRestWait() {
        run(site -> {
            var admin = site.admin();
            var owner = site.member("Claire Vidal");
            long vidal = site.organisation(owner, "Maison Vidal");
            String rf = CreditorReference.of(vidal);
            String day1 = BankFiles.statement("STMT-0302", List.of(
                    BankFiles.Entry.in("BNK-1", "500.00", rf, "Maison Vidal SAS"),
                    BankFiles.Entry.in("BNK-2", "250.00", " " + CreditorReference.forPeople(vidal).toLowerCase(Locale.ROOT) + " ", "Maison Vidal SAS"),
                    BankFiles.Entry.inWithText("BNK-3", "40.00", "Facture 12 - ref " + CreditorReference.forPeople(vidal) + " merci", "Maison Vidal SAS"),
                    BankFiles.Entry.in("BNK-4", "99.00", "RF00ATO" + vidal, "Someone Else"),
                    BankFiles.Entry.inWithText("BNK-5", "12.00", "cotisation", "A. Stranger"),
                    BankFiles.Entry.in("BNK-1", "500.00", rf, "Maison Vidal SAS"),
                    BankFiles.Entry.out("BNK-6", "80.00", "SOMETHING-ELSE", "Ana Ruiz")));
            var imported = upload(admin, day1);
            assertEquals(302, imported.code(), () -> imported.body().string());
            assertTrue(admin.page("/admin/bank").contains("3 deposits recorded; 1 already seen, 2 waiting, 0 about payouts, 1 other money out."),
                    "the exact reference, in lower case with spaces, in the free text; the duplicate once; the mistyped and the unknown wait");
            assertEquals(790_00, wallet(site, vidal));
            assertEquals(3, site.count("SELECT count(*) FROM document WHERE kind = 'RECEIPT' AND organisation_id = ?", vidal), "each with its receipt");
            assertTrue(owner.page("/notifications").contains("Money received in your wallet"), "the organisation is told");
            balanced(admin);

            assertEquals(302, upload(admin, day1).code());
            assertTrue(admin.page("/admin/bank").contains("No new deposit; 6 already seen, 0 waiting, 0 about payouts, 1 other money out."), "the same file twice records nothing");
            String overlapping = BankFiles.notification("NTF-0303", List.of(BankFiles.Entry.in("BNK-2", "250.00", rf, "Maison Vidal SAS"),
                    BankFiles.Entry.in("BNK-7", "10.00", rf, "Maison Vidal SAS")));
            assertEquals(302, upload(admin, overlapping).code());
            assertEquals(800_00, wallet(site, vidal), "an overlapping notification adds only what is new");
            balanced(admin);

            String waiting = admin.page("/admin/bank");
            assertTrue(waiting.contains("BNK-4") && waiting.contains("BNK-5") && waiting.contains("A. Stranger"));
            assertEquals(403, owner.post("/admin/bank/entries/assign", "reference", "BNK-4", "organisation", String.valueOf(vidal)).code());
            assertEquals(422, admin.post("/admin/bank/entries/assign", "reference", "BNK-4", "organisation", "nobody").code());
            assertEquals(302, admin.post("/admin/bank/entries/assign", "reference", "BNK-4", "organisation", "Maison Vidal (" + vidal + ")").code());
            assertEquals(899_00, wallet(site, vidal));
            assertEquals(302, admin.post("/admin/bank/entries/assign", "reference", "BNK-4", "organisation", String.valueOf(vidal)).code());
            assertEquals(899_00, wallet(site, vidal), "assigned once");
            assertEquals(302, admin.post("/admin/bank/entries/return", "reference", "BNK-5").code());
            String after = admin.page("/admin/bank");
            assertFalse(after.contains("A. Stranger"), "sent back, it leaves the list");
            assertTrue(after.contains("Nothing waits"));
            assertEquals(302, upload(admin, day1).code());
            assertEquals(899_00, wallet(site, vidal), "a settled entry stays settled when its statement comes again");
            assertFalse(admin.page("/admin/bank").contains("A. Stranger"));
            balanced(admin);
        });
    }

    @Test
    void onlyAnAdminImportsAndABadFileIsRefusedWithAMessage() {
        run(site -> {
            var admin = site.admin();
            var owner = site.member("Claire Vidal");
            long vidal = site.organisation(owner, "Maison Vidal");
            String good = BankFiles.statement("S", List.of(BankFiles.Entry.in("B-1", "10.00", CreditorReference.of(vidal), "Maison Vidal SAS")));
            assertEquals(403, upload(owner, good).code());
            assertEquals(403, owner.get("/admin/bank").code());
            assertEquals(403, admin.postRaw("/admin/bank/entries/return", "reference", "B-1").code(), "no token");
            for (String bad : List.of("", "not xml at all", "<Document xmlns=\"urn:iso:std:iso:20022:tech:xsd:camt.052.001.08\"/>",
                    good.replace(">10.00</camt:Amt>", ">ten</camt:Amt>"), good.substring(0, good.length() / 2), "<script>alert(1)</script>")) {
                var refused = upload(admin, bad);
                assertEquals(422, refused.code(), "[" + (bad.length() > 80 ? bad.substring(bad.length() - 80) : bad) + "] " + refused.headers().get("Location"));
                assertTrue(refused.body().string().contains("id=\"statement-error\""), "a message beside the file for " + bad);
            }
            assertEquals(0, wallet(site, vidal), "nothing recorded");
            assertEquals(302, upload(admin, good).code());
            assertEquals(10_00, wallet(site, vidal));
        });
    }
}
