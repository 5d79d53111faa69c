package app.atelier.reward;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.atelier.support.Browser;
import app.atelier.support.Site;
import app.atelier.support.TestClock;
import app.atelier.support.TestDatabase;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The faults an outside review found in the money, each walked through the running app as it was seen: a held price
 * swept away, terms changed after agreement, a key replayed with other content, royalty periods paid twice, sales
 * figures in public, one click paying a fortune, gross shown and net paid, English on French pages, one balance for
 * a wallet.
 */
class MoneyTrustTest {
    @TempDir
    Path dir;

    /** Maison Vidal with 1,000.00 in its wallet, an open challenge, and Ana's idea on it. */
    private record Scene(Site site, Browser admin, Browser owner, long organisation, long challenge, Browser ana, long idea) {
        long balance(String kind, long owner) {
            return site.count("SELECT coalesce((SELECT balance FROM ledger_account WHERE kind = ? AND owner_id = ?), 0)", kind, owner);
        }

        long wallet() {
            return balance("WALLET", organisation);
        }

        long earnings(Browser member) {
            return balance("EARNINGS", member.memberId);
        }

        /** The idea accepted, a price offered for it and accepted by Ana: the offer's address. */
        String acceptedOffer(String price) {
            assertEquals(302, owner.post("/contributions/" + idea + "/responses", "status", "ACCEPTED", "body", "We take it.").code());
            long offer = Site.idFrom(owner.post("/contributions/" + idea + "/offers", "price", price));
            assertEquals(302, ana.post("/offers/" + offer + "/accept").code());
            return "/offers/" + offer;
        }

        void allHoldsExplained() {
            String ledger = admin.page("/admin/ledger");
            assertTrue(ledger.contains("Every balance agrees") && ledger.contains("Every hold has exactly what its commitment owes"), ledger);
        }
    }

    private interface Steps {
        void run(Scene scene) throws Exception;
    }

    private void run(Steps steps, String... prizes) {
        Site.run(TestDatabase.config(dir).withAdmins("admin@example.test"), new TestClock(Site.START), site -> {
            var admin = site.admin();
            var owner = site.member("Claire Vidal");
            long organisation = site.organisation(owner, "Maison Vidal");
            site.deposit(admin, organisation, "1,000");
            long challenge = site.challenge(owner, organisation, "A lunch box for cyclists");
            if (prizes.length > 0) assertEquals(302, owner.post("/challenges/" + challenge + "/prizes", prizes).code());
            assertEquals(302, site.move(owner, challenge, "OPEN").code());
            var ana = site.member("Ana Ruiz");
            steps.run(new Scene(site, admin, owner, organisation, challenge, ana, site.contribute(ana, challenge, "Insulated pannier")));
        });
    }

    @Test
    void cancellingTheChallengeLeavesAnAcceptedPricePayable() {
        run(s -> {
            String offer = s.acceptedOffer("100");
            assertEquals(900_00, s.wallet());
            assertEquals(302, s.site().move(s.owner(), s.challenge(), "CANCELLED").code());
            assertEquals(900_00, s.wallet(), "cancelling takes nothing from the offer's hold");
            assertEquals(302, s.ana().post(offer + "/deliver", "note", "Here it is").code());
            assertEquals(302, s.owner().post(offer + "/approve").code());
            assertEquals(82_00, s.earnings(s.ana()), "100.00 less the 15 % fee and its VAT");
            assertEquals(900_00, s.wallet());
            s.allHoldsExplained();
        });
    }

    @Test
    void aContestAwardingLessThanItsPoolLeavesAnAcceptedPricePayable() {
        run(s -> {
            assertEquals(500_00, s.wallet(), "the pool is held as the challenge opens");
            String offer = s.acceptedOffer("100");
            assertEquals(400_00, s.wallet());
            assertEquals(302, s.site().move(s.owner(), s.challenge(), "REVIEW").code());
            assertEquals(302, s.owner().post("/challenges/" + s.challenge() + "/results", "rank1", String.valueOf(s.idea())).code());
            assertEquals(300_00, s.earnings(s.ana()), "the first prize");
            assertEquals(600_00, s.wallet(), "the second prize goes back, and only it");
            assertEquals(100_00, s.balance("OFFER", Long.parseLong(offer.substring(offer.lastIndexOf('/') + 1))));
            assertEquals(302, s.ana().post(offer + "/deliver", "note", "Here it is").code());
            assertEquals(302, s.owner().post(offer + "/approve").code());
            assertEquals(382_00, s.earnings(s.ana()));
            s.allHoldsExplained();
        }, "prize1", "300", "prize2", "200");
    }

    @Test
    void aSessionKeepsTheFeeOfItsBookingAndAPlanTheFeeOfItsOpening() {
        Site.run(TestDatabase.config(dir).withAdmins("admin@example.test"), new TestClock(Site.START), site -> {
            var admin = site.admin();
            var owner = site.member("Claire Vidal");
            long organisation = site.organisation(owner, "Maison Vidal");
            site.deposit(admin, organisation, "1,000");
            long challenge = site.challenge(owner, organisation, "A lighter lid");
            assertEquals(302, owner.post("/challenges/" + challenge + "/prizes", "reflect", "yes", "reflectionDays", "7").code());
            assertEquals(302, site.move(owner, challenge, "OPEN").code(), "the plan is published at 15 %");
            var ana = site.member("Ana Ruiz");
            site.contribute(ana, challenge, "A hinge");
            var expert = site.member("Sam Expert");
            assertEquals(302, expert.post("/expert", "perMinute", "1.50", "freeMinutes", "10", "open", "yes").code());
            long session = Site.idFrom(owner.post("/members/" + expert.memberId + "/book", "bookingKey", Site.formKey(), "organisationId",
                    String.valueOf(organisation), "day", "2026-03-03", "time", "14:00", "minutes", "30", "topic", "Review our lid"));

            assertEquals(302, admin.post("/admin/fee-rate", "feeRate", "40").code());
            site.clock.advance(Duration.ofHours(29));
            assertEquals(302, expert.post("/sessions/" + session + "/start").code());
            site.clock.advance(Duration.ofMinutes(20));
            assertEquals(302, expert.post("/sessions/" + session + "/end").code());
            assertTrue(owner.page("/sessions/" + session).contains("Platform fee (15 %)"), "the rate of the booking");
            assertEquals(302, owner.post("/sessions/" + session + "/confirm").code());
            assertEquals(12_30, site.count("SELECT balance FROM ledger_account WHERE kind = 'EARNINGS' AND owner_id = ?", expert.memberId),
                    "10 minutes billed at 1.50 less 15 % (not 40 %) and its VAT: 15.00 - 2.25 - 0.45");

            site.close(owner, challenge);
            assertEquals(302, owner.post("/challenges/" + challenge + "/reflection", "mode", "EACH", "amount-" + ana.memberId, "20").code());
            assertEquals(16_40, site.count("SELECT balance FROM ledger_account WHERE kind = 'EARNINGS' AND owner_id = ?", ana.memberId),
                    "20.00 less the 15 % the plan was published with, and its VAT");
        });
    }

    @Test
    void aPaymentFarAboveItsRangeIsConfirmedInWordsAndAnExpertRateHasACeiling() {
        Site.run(TestDatabase.config(dir).withAdmins("admin@example.test"), new TestClock(Site.START), site -> {
            var admin = site.admin();
            var owner = site.member("Claire Vidal");
            long organisation = site.organisation(owner, "Maison Vidal");
            site.deposit(admin, organisation, "100,000,000");
            long challenge = site.challenge(owner, organisation, "A lighter lid");
            assertEquals(302, owner.post("/challenges/" + challenge + "/prizes", "reflect", "yes", "reflectionDays", "7", "suggestedLow", "10",
                    "suggestedHigh", "50").code());
            assertEquals(302, site.move(owner, challenge, "OPEN").code());
            var ana = site.member("Ana Ruiz");
            site.contribute(ana, challenge, "A hinge");
            site.close(owner, challenge);
            String reflection = "/challenges/" + challenge + "/reflection";
            String amount = "amount-" + ana.memberId;
            var asked = owner.post(reflection, "mode", "EACH", amount, "100,000,000");
            assertEquals(422, asked.code());
            String page = asked.body().string();
            assertTrue(page.contains("one hundred million euros") && page.contains("2,000,000 times the top of the suggested range (€50.00)")
                    && page.contains("name=\"confirmLarge\""), page);
            assertEquals(0, site.count("SELECT count(*) FROM reflection WHERE paid_at IS NOT NULL"), "nothing paid before it is confirmed");
            assertEquals(302, owner.post(reflection, "mode", "EACH", amount, "100,000,000", "confirmLarge", "yes").code());
            assertEquals(82_000_000_00L, site.count("SELECT balance FROM ledger_account WHERE kind = 'EARNINGS' AND owner_id = ?", ana.memberId));

            var expert = site.member("Sam Expert");
            var refused = expert.post("/expert", "perMinute", "20.01", "freeMinutes", "0", "open", "yes");
            assertEquals(422, refused.code());
            assertTrue(refused.body().string().contains("A rate of at most €20.00 a minute"));
            assertEquals(302, expert.post("/expert", "perMinute", "20.00", "freeMinutes", "0", "open", "yes").code());
        });
    }

    @Test
    void theRefusalOfALargeAmountIsWrittenOutInFrench() {
        var text = app.atelier.web.Text.of(app.atelier.web.Text.FRENCH, app.atelier.Config.HOME_ZONE);
        assertEquals("cent millions d’euros", text.inWords(100_000_000_00L, "EUR"));
        assertEquals("quatre-vingt-dix-neuf euros et cinquante centimes", text.inWords(99_50, "EUR"));
        assertEquals("un euro", text.inWords(1_00, "EUR"));
        var english = app.atelier.web.Text.of(app.atelier.web.Text.ENGLISH, app.atelier.Config.HOME_ZONE);
        assertEquals("one hundred million euros", english.inWords(100_000_000_00L, "EUR"));
        assertEquals("one euro and five cents", english.inWords(1_05, "EUR"));
    }

    @Test
    void aBankReferenceRecordedWithAnotherAmountIsRefusedAndEveryDepositIsConfirmedByName() {
        run(s -> {
            String org = String.valueOf(s.organisation());
            var check = s.admin().post("/admin/deposits", "organisation", "Maison Vidal (" + org + ")", "amount", "250", "reference", "BANK-2");
            assertEquals(200, check.code());
            String page = check.body().string();
            assertTrue(page.contains("Record €250.00 received into the wallet of Maison Vidal (no. " + org + "), bank reference BANK-2?"), page);
            assertEquals(1_000_00, s.wallet(), "nothing recorded before it is confirmed");
            assertTrue(s.admin().page("/admin/ledger").contains("<option value=\"Maison Vidal (" + org + ")\">"), "organisations picked by name");

            var reused = s.admin().post("/admin/deposits", "confirmed", "yes", "organisation", org, "amount", "500", "reference", "BANK-1,000");
            assertEquals(422, reused.code());
            assertTrue(reused.body().string().contains("The reference BANK-1,000 is already recorded for this organisation with another amount"));
            assertFalse(s.admin().page("/admin/ledger").contains("The deposit is recorded"));
            assertEquals(1_000_00, s.wallet(), "nothing moved");
            assertEquals(302, s.admin().post("/admin/deposits", "confirmed", "yes", "organisation", org, "amount", "1,000", "reference", "BANK-1,000").code(),
                    "the same deposit again is the same deposit");
            assertEquals(1_000_00, s.wallet());
            for (String[] bad : new String[][] {{"organisation", "Nobody (99999)", "amount", "5", "reference", "X"}, {"organisation", "<script>", "amount", "5", "reference", "X"},
                    {"organisation", org, "amount", "5", "reference", "<script>alert(1)</script>".repeat(5)}}) {
                assertEquals(422, s.admin().post("/admin/deposits", bad).code(), String.join(" ", bad));
            }
            assertEquals(403, s.owner().post("/admin/deposits", "organisation", org, "amount", "5", "reference", "X").code());
            assertEquals(403, s.admin().postRaw("/admin/deposits", "confirmed", "yes", "organisation", org, "amount", "5", "reference", "X").code(), "no form token");
        });
    }

    @Test
    void royaltyPeriodsFollowTheDecisionNeverOverlapAndSalesAreForThePartiesOnly() {
        run(s -> {
            String challenge = "/challenges/" + s.challenge();
            var ben = s.site().member("Ben Okafor");
            s.site().contribute(ben, s.challenge(), "Fold-flat box");
            s.site().close(s.owner(), s.challenge());
            String shares = challenge + "/shares";
            assertEquals(302, s.owner().post(shares, "weight" + s.ana().memberId, "1", "weight" + ben.memberId, "2", "action", "fix").code());
            String declarations = challenge + "/declarations";
            // The challenge was decided on 2 March 2026, which is also "today".
            for (String[] bad : new String[][] {{"1900-01", "before"}, {"2026-02", "before"}, {"2025-Q4", "before"}, {"9999-Q4", "not begun"},
                    {"2026-04", "not begun"}, {"2026-Q2", "not begun"}}) {
                var refused = s.owner().post(declarations, "period", bad[0], "netSales", "1,000");
                assertEquals(422, refused.code(), bad[0]);
                String page = refused.body().string();
                assertTrue(page.contains(bad[1].equals("before") ? "The challenge was decided on Mar 2, 2026" : "This period has not begun yet"), page);
            }
            assertEquals(302, s.owner().post(declarations, "period", "2026-Q1", "netSales", "1,000").code());
            var overlap = s.owner().post(declarations, "period", "2026-03", "netSales", "1,000");
            assertEquals(422, overlap.code());
            assertTrue(overlap.body().string().contains("Sales for 2026-Q1 are already declared, and that period covers part of this one."));
            assertEquals(1, s.site().count("SELECT count(*) FROM royalty_declaration"));

            String visitor = s.site().visitor().page(challenge);
            assertTrue(visitor.contains("Royalty: 1") || visitor.contains("Royalty"), "the rate is public");
            assertTrue(visitor.contains("The royalty is shared among 2 contributors."));
            assertFalse(visitor.contains("€1,000.00") || visitor.contains("33.33") || visitor.contains("Net sales"), "no sales figure, no share");
            assertFalse(s.site().member("Cleo Marin").page(challenge).contains("Net sales"), "nor for a member who holds no share");
            String shareholder = ben.page(challenge);
            assertTrue(shareholder.contains("Net sales") && shareholder.contains("€1,000.00") && shareholder.contains("66.67 %"), shareholder);
            assertTrue(s.ana().page(challenge).contains("33.33 %"), "the shares add up to 100");
            assertTrue(s.owner().page(challenge).contains("Net sales"));
        }, "royaltyRate", "5");
    }

    @Test
    void aContributorReadsGrossFeeAndNetInTheirLanguageAndAWalletShowsWhatIsHeldAndEachMonth() {
        run(s -> {
            String offer = s.acceptedOffer("200");
            String offerPage = s.ana().page(offer);
            assertTrue(offerPage.contains("€200.00") && offerPage.contains("Platform fee (15 %)") && offerPage.contains("€30.00") && offerPage.contains("VAT on the fee (20 %)") && offerPage.contains("€6.00") && offerPage.contains("€164.00"),
                    offerPage);
            assertTrue(s.site().visitor().page("/challenges/" + s.challenge()).contains("€200.00 for Ana Ruiz (€164.00 received after the 15 % platform fee and its VAT)"));
            String wallet = s.owner().page("/organisations/" + s.organisation() + "/wallet");
            assertTrue(wallet.contains("Available: €800.00.") && wallet.contains("Held for commitments") && wallet.contains("€200.00"), wallet);
            assertTrue(wallet.contains("€1,000.00") && wallet.contains("€800.00"), "a running balance on each line");
            assertEquals(302, s.ana().post(offer + "/deliver", "note", "Here").code());
            assertEquals(302, s.owner().post(offer + "/approve").code());

            String mine = s.ana().page("/rewards");
            assertTrue(mine.contains("Price paid: Insulated pannier") && mine.contains("€200.00") && mine.contains("-€36.00") && mine.contains("€164.00"), mine);
            String csv = s.ana().get("/rewards.csv").body().string();
            assertTrue(csv.contains("\"Price paid: Insulated pannier\",\"contribution\"," + s.idea() + ",200.00,36.00,164.00,164.00,\"EUR\""), csv);

            assertEquals(302, s.ana().get("/language/fr").code());
            String french = s.ana().page("/rewards");
            assertTrue(french.contains("Prix payé : Insulated pannier") && !french.contains("Price paid"), "what happened, in the reader's language");
            assertTrue(s.ana().get("/rewards.csv").body().string().contains("\"Prix payé : Insulated pannier\""));
            assertEquals(302, s.owner().get("/language/fr").code());
            String walletFr = s.owner().page("/organisations/" + s.organisation() + "/wallet");
            assertTrue(walletFr.contains("Virement BANK-1,000") && walletFr.contains("Prix réservé : Insulated pannier") && !walletFr.contains("Deposit"), walletFr);
            assertEquals(302, s.owner().get("/language/en").code());

            String month = "/organisations/" + s.organisation() + "/statement?month=2026-03";
            String statement = s.owner().page(month);
            assertTrue(statement.contains("Opening balance") && statement.contains("€0.00") && statement.contains("Closing balance") && statement.contains("€800.00"),
                    statement);
            String statementCsv = s.owner().get("/organisations/" + s.organisation() + "/statement.csv?month=2026-03").body().string();
            assertTrue(statementCsv.startsWith("\uFEFF") && statementCsv.contains("\"Opening balance\",\"\",\"\",\"\",\"\",\"\",0.00")
                    && statementCsv.contains("\"Closing balance\",\"\",\"\",\"\",\"\",\"\",800.00"), statementCsv);
            assertTrue(s.owner().page("/organisations/" + s.organisation() + "/statement?month=2026-04").contains("Nothing moved this month."));
            assertTrue(s.owner().page("/organisations/" + s.organisation() + "/statement?month=2026-04").contains("€800.00"), "April opens where March closed");
            assertEquals(400, s.owner().get("/organisations/" + s.organisation() + "/statement?month=March").code());
            assertEquals(403, s.ana().get(month).code(), "a wallet is its managers'");
            assertTrue(s.ana().page("/rewards/statement?month=2026-03").contains("164,00"), "Ana reads in French now");
            assertTrue(Site.location(s.site().visitor().get("/rewards/statement")).startsWith("/login"));
        });
    }
}
