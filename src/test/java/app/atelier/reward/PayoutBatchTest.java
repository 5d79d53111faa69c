package app.atelier.reward;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.atelier.bank.BankService;
import app.atelier.support.BankFiles;
import app.atelier.support.Browser;
import app.atelier.support.Site;
import app.atelier.support.TestClock;
import app.atelier.support.TestDatabase;
import com.prowidesoftware.swift.model.mx.MxPain00100109;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Payouts go to the bank in SEPA credit transfer files, and the bank's statements say when they left or came back. */
class PayoutBatchTest {
    @TempDir
    Path dir;

    /** A contributor paid 100.00 for an idea, who asks for what they earned of it to be paid out to their account. */
    private static Browser earned(Site site, Site.Scene scene, String name) {
        var paid = scene.withIdea(name, "An idea of " + name);
        var payee = paid.author();
        assertEquals(302, payee.post("/account/payee", "kind", "PRIVATE", "legalName", name, "street", "3 rue des Lilas", "postcode", "69003", "city", "Lyon",
                "country", "FR").code());
        assertEquals(302, scene.owner().post("/contributions/" + paid.idea() + "/responses", "status", "ACCEPTED", "body", "We take it.").code());
        String offer = "/offers/" + Site.idFrom(scene.owner().post("/contributions/" + paid.idea() + "/offers", "price", "100"));
        assertEquals(302, payee.post(offer + "/accept").code());
        assertEquals(302, payee.post(offer + "/deliver", "note", "Here it is").code());
        assertEquals(302, scene.owner().post(offer + "/approve").code());
        site.bankDetails(payee, name);
        assertEquals(302, payee.post("/rewards/payout").code());
        return payee;
    }

    private static long earnings(Site site, Browser member) {
        return site.count("SELECT coalesce((SELECT balance FROM ledger_account WHERE kind = 'EARNINGS' AND owner_id = ?), 0)", member.memberId);
    }

    private static long payout(Site site, Browser member) {
        return site.count("SELECT max(id) FROM payout_request WHERE member_id = ?", member.memberId);
    }

    private static void upload(Browser admin, String xml) {
        assertEquals(302, admin.postFiles("/admin/bank/statements", List.of(new Browser.FilePart("statement", "s.xml", "application/xml",
                xml.getBytes(StandardCharsets.UTF_8)))).code());
    }

    @Test
    void aBatchBecomesATransferFileTheStatementPaysAndAReturnReopens() {
        Site.run(TestDatabase.config(dir).withAdmins("admin@example.test"), new TestClock(Site.START), site -> {
            var admin = site.admin();
            var scene = site.openChallenge("A lunch box for cyclists");
            site.deposit(admin, scene.organisation(), "1,000");
            var ana = earned(site, scene, "Ana Ruiz");
            var ben = earned(site, scene, "Ben Okafor");
            long owed = earnings(site, ana);
            assertTrue(owed > 0);
            assertEquals(302, ben.post("/account/bank", "holder", "Ben Okafor", "iban", "DE89 3704 0044 0532 0130 00", "bic", "", "password", Site.PASSWORD).code());

            assertEquals(403, ana.post("/admin/payouts/batches").code(), "only the admin sends payouts to the bank");
            assertEquals(302, admin.post("/admin/payouts/batches").code());
            long batch = site.count("SELECT max(id) FROM payout_batch");
            String ledger = admin.page("/admin/ledger");
            assertTrue(ledger.contains("Held until"), "Ben's payout waits for his change of account to settle, with the reason");
            var file = admin.download("/admin/payouts/batches/" + batch + "/file");
            assertEquals(200, file.statusCode());
            assertTrue(file.headers().firstValue("Content-Disposition").orElse("").contains("ATB-" + batch + ".pain.001.xml"));
            String xml = new String(file.body(), StandardCharsets.UTF_8);
            assertEquals(xml, new String(admin.download("/admin/payouts/batches/" + batch + "/file").body(), StandardCharsets.UTF_8), "the same file again");
            assertTrue(xml.contains("urn:iso:std:iso:20022:tech:xsd:pain.001.001.09"), xml);
            var transfer = MxPain00100109.parse(xml).getCstmrCdtTrfInitn();
            assertEquals("1", transfer.getGrpHdr().getNbOfTxs(), "Ana's alone");
            assertEquals(0, BigDecimal.valueOf(owed, 2).compareTo(transfer.getGrpHdr().getCtrlSum()));
            var sent = transfer.getPmtInf().get(0).getCdtTrfTxInf().get(0);
            assertEquals("ATP-" + payout(site, ana), sent.getPmtId().getEndToEndId());
            assertEquals("FR7630006000011234567890189", sent.getCdtrAcct().getId().getIBAN());
            assertEquals(BankFiles.ACCOUNT, transfer.getPmtInf().get(0).getDbtrAcct().getId().getIBAN(), "from the operator's account");
            assertEquals("Atelier Demo SAS", transfer.getGrpHdr().getInitgPty().getNm(), "names in the characters every SEPA bank takes");
            assertEquals(403, ana.get("/admin/payouts/batches/" + batch + "/file").code());
            assertEquals(404, admin.get("/admin/payouts/batches/999/file").code());
            assertTrue(ana.page("/rewards").contains("Sent to the bank"));
            assertEquals(409, admin.post("/admin/payouts/" + payout(site, ana) + "/paid", "reference", "BY-HAND").code(), "paid with its batch");

            String amount = BigDecimal.valueOf(owed, 2).toPlainString();
            upload(admin, BankFiles.notification("N-1", List.of(BankFiles.Entry.out("OUT-1", amount, "ATP-" + payout(site, ana), "Ana Ruiz"))));
            assertEquals(0, earnings(site, ana), "the statement shows it left: paid");
            assertTrue(ana.page("/rewards").contains("Paid"));
            upload(admin, BankFiles.notification("N-2", List.of(BankFiles.Entry.returned("RET-1", amount, "ATP-" + payout(site, ana), "AC04"))));
            assertEquals(owed, earnings(site, ana), "sent back: the money is hers again");
            String rewards = ana.page("/rewards");
            assertTrue(rewards.contains("Returned by the bank") && rewards.contains("AC04"), "with the bank's reason");
            assertTrue(ana.page("/notifications").contains("sent back by the bank"), "she is told");
            upload(admin, BankFiles.notification("N-2", List.of(BankFiles.Entry.returned("RET-1", amount, "ATP-" + payout(site, ana), "AC04"))));
            assertEquals(owed, earnings(site, ana), "returned once");
            assertTrue(admin.page("/admin/ledger").contains("Every balance agrees"));

            site.clock.advance(BankService.HOLD);
            site.signIn(admin);
            site.signIn(ben);
            assertEquals(302, admin.post("/admin/payouts/batches").code());
            long second = site.count("SELECT max(id) FROM payout_batch");
            assertEquals(403, ben.post("/admin/payouts/batches/" + second + "/confirm").code());
            assertEquals(302, admin.post("/admin/payouts/batches/" + second + "/confirm").code());
            assertEquals(0, earnings(site, ben), "paid with its batch");
            assertEquals(409, admin.post("/admin/payouts/batches/" + second + "/confirm").code(), "confirmed once");
            assertEquals(409, admin.post("/admin/payouts/batches").code(), "nothing left to send");
            assertTrue(admin.page("/admin/ledger").contains("Every balance agrees"));
            assertFalse(ben.page("/rewards").contains("Sent to the bank"));
        });
    }
}
