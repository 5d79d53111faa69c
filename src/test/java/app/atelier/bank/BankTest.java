package app.atelier.bank;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.atelier.support.Site;
import app.atelier.support.TestClock;
import app.atelier.support.TestDatabase;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Where payees are paid: IBANs and BICs checked and normalised, a change asked with the password, told, and holding payouts. */
class BankTest {
    @TempDir
    Path dir;

    @Test
    void aCreditorReferenceCarriesItsCheckDigitsAndNamesItsOrganisation() {
        assertEquals("RF18539007547034", CreditorReference.withCheckDigits("539007547034"), "the example of ISO 11649");
        String reference = CreditorReference.of(42);
        assertTrue(reference.matches("RF\\d{2}ATO42"), reference);
        assertEquals(Optional.of(42L), CreditorReference.organisation(reference));
        assertEquals(Optional.of(42L), CreditorReference.organisation(" " + CreditorReference.forPeople(42).toLowerCase(java.util.Locale.ROOT) + " "),
                "in lower case, with spaces, as a bank may pass it on");
        assertEquals(Optional.empty(), CreditorReference.organisation(reference.replace("ATO42", "ATO43")), "a mistyped reference names no one");
        for (String other : new String[] {"", "RF", "VIR-2026-0117", "RF00ATO0", "RF18539007547034"}) {
            assertEquals(Optional.empty(), CreditorReference.organisation(other), other);
        }
    }

    @Test
    void bankDetailsAreCheckedNormalisedAndAChangeHoldsPayoutsFortyEightHours() {
        Site.run(dir, site -> {
            var ana = site.member("Ana Ruiz");
            String[][] refused = {
                {"FR76 3000 6000 0112 3456 7890 188", "iban", "check digits do not match"},
                {"FR76 3000 6000 0112 3456 7890 18", "iban", "does not have its country’s length"},
                {"DE89 3704 0044 0532 0130 0A", "iban", "letters where its country’s format has digits"},
                {"ZZ12 3456", "iban", "a country that uses IBANs"},
                {"", "iban", "required"},
            };
            for (String[] bad : refused) {
                var answer = ana.post("/account/bank", "holder", "Ana Ruiz", "iban", bad[0], "bic", "", "password", Site.PASSWORD);
                assertEquals(422, answer.code(), bad[0]);
                String page = answer.body().string();
                assertTrue(page.contains("id=\"" + bad[1] + "-error\""), "a message beside the field for " + bad[0]);
            }
            assertEquals(422, ana.post("/account/bank", "holder", "Ana Ruiz", "iban", Site.IBAN, "bic", "BNP", "password", Site.PASSWORD).code(), "a BIC too short");
            assertEquals(422, ana.post("/account/bank", "holder", "", "iban", Site.IBAN, "bic", "", "password", Site.PASSWORD).code(), "no holder");
            assertEquals(422, ana.post("/account/bank", "holder", "Ана Руис", "iban", Site.IBAN, "bic", "", "password", Site.PASSWORD).code(), "another script");
            assertEquals(422, ana.post("/account/bank", "holder", "x".repeat(71), "iban", Site.IBAN, "bic", "", "password", Site.PASSWORD).code(), "too long");
            assertEquals(422, ana.post("/account/bank", "holder", "Ana Ruiz", "iban", Site.IBAN, "bic", "", "password", "wrong").code(), "the password, again");
            assertEquals(403, ana.postRaw("/account/bank", "holder", "Ana Ruiz", "iban", Site.IBAN, "password", Site.PASSWORD).code(), "no token");
            assertEquals(0, site.count("SELECT count(*) FROM bank_details"), "nothing saved");

            var script = ana.post("/account/bank", "holder", "<script>alert(1)</script>", "iban", Site.IBAN, "bic", "", "password", Site.PASSWORD);
            assertEquals(422, script.code(), "a SEPA transfer carries no such characters");
            String shown = script.body().string();
            assertTrue(shown.contains("alert(1)") && !shown.contains("<script>alert(1)"), "shown back in its field, escaped");
            assertEquals(0, site.count("SELECT count(*) FROM bank_details"), "nothing saved");
            assertEquals(302, ana.post("/account/bank", "holder", "Ana Ruiz-Lopez", "iban", "fr76 3000 6000 0112 3456 7890 189", "bic", "bnpa fr pp xxx",
                    "password", Site.PASSWORD).code(), "spaces and lower case are accepted");
            assertEquals("FR7630006000011234567890189|BNPAFRPPXXX", site.text("SELECT iban || '|' || bic FROM bank_details WHERE member_id = ?", ana.memberId));
            String page = ana.page("/account/bank");
            assertTrue(page.contains("FR76 3000 6000 0112 3456 7890 189") && page.contains("Ana Ruiz-Lopez"), "shown in groups of four");
            assertFalse(page.contains("payouts wait until"), "a first account holds nothing");
            assertEquals(0, site.count("SELECT count(*) FROM outbox WHERE subject LIKE '%bank details%'"));

            assertEquals(302, ana.post("/account/bank", "holder", "Ana Ruiz", "iban", "DE89 3704 0044 0532 0130 00", "bic", "", "password", Site.PASSWORD).code());
            assertTrue(ana.page("/account/bank").contains("your payouts wait until"), "a change holds the payouts");
            assertEquals(1, site.count("SELECT count(*) FROM outbox o JOIN member m ON m.email = o.to_address WHERE m.id = ? AND o.subject LIKE '%bank details%' "
                    + "AND o.body LIKE '%DE…3000%'", ana.memberId), "told at her address, the account masked");
            site.clock.advance(BankService.HOLD.plus(Duration.ofMinutes(1)));
            site.signIn(ana);
            assertFalse(ana.page("/account/bank").contains("your payouts wait until"));
        });
    }

    @Test
    void theAdminPaysNoPayoutWhileAChangeOfBankDetailsHoldsIt() {
        Site.run(TestDatabase.config(dir).withAdmins("admin@example.test"), new TestClock(Site.START), site -> {
            var admin = site.admin();
            var scene = site.openChallenge("A lunch box for cyclists").withIdea("Ana Ruiz", "Insulated pannier");
            var ana = scene.author();
            assertEquals(302, ana.post("/account/payee", "kind", "PRIVATE", "legalName", "Ana Ruiz", "street", "3 rue des Lilas", "postcode", "69003", "city", "Lyon",
                    "country", "FR").code());
            site.deposit(admin, scene.organisation(), "1,000");
            String wallet = scene.owner().page("/organisations/" + scene.organisation() + "/wallet");
            assertTrue(wallet.contains("FR76 3000 4000 0312 3456 7890 143") && wallet.contains(CreditorReference.forPeople(scene.organisation())),
                    "the wallet says where to transfer money, and with which reference");
            assertEquals(302, scene.owner().post("/contributions/" + scene.idea() + "/responses", "status", "ACCEPTED", "body", "We take it.").code());
            String offer = "/offers/" + Site.idFrom(scene.owner().post("/contributions/" + scene.idea() + "/offers", "price", "100"));
            assertEquals(302, ana.post(offer + "/accept").code());
            assertEquals(302, ana.post(offer + "/deliver", "note", "Here it is").code());
            assertEquals(302, scene.owner().post(offer + "/approve").code());
            site.bankDetails(ana, "Ana Ruiz");
            assertEquals(302, ana.post("/rewards/payout").code());
            assertEquals(302, ana.post("/account/bank", "holder", "Ana Ruiz", "iban", "DE89 3704 0044 0532 0130 00", "bic", "", "password", Site.PASSWORD).code());
            long payout = site.count("SELECT id FROM payout_request WHERE member_id = ?", ana.memberId);
            String ledger = admin.page("/admin/ledger");
            assertTrue(ledger.contains("DE89 3704 0044 0532 0130 00") && ledger.contains("Held until"), "the admin sees where, and why it waits");
            assertFalse(ledger.contains("/admin/payouts/" + payout + "/paid"), "no button the service would refuse");
            assertEquals(409, admin.post("/admin/payouts/" + payout + "/paid", "reference", "PAY-1").code());
            site.clock.advance(BankService.HOLD);
            site.signIn(admin);
            assertTrue(admin.page("/admin/ledger").contains("/admin/payouts/" + payout + "/paid"));
            assertEquals(302, admin.post("/admin/payouts/" + payout + "/paid", "reference", "PAY-1").code());
        });
    }
}
