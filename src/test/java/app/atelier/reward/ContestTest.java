package app.atelier.reward;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.atelier.support.Browser;
import app.atelier.support.Site;
import app.atelier.support.TestClock;
import app.atelier.support.TestDatabase;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A contest from its prize table to the prizes in the winners' earnings, through the running app. */
class ContestTest {
    @TempDir
    Path dir;

    private void run(Site.Steps steps) {
        Site.run(TestDatabase.config(dir).withAdmins("admin@example.test"), new TestClock(Site.START), steps);
    }

    private static long balance(Site site, String kind, long owner) {
        return site.count("SELECT coalesce((SELECT balance FROM ledger_account WHERE kind = ? AND owner_id = ?), 0)", kind, owner);
    }

    private static void prizes(Browser manager, long challenge, String... fields) {
        assertEquals(302, manager.post("/challenges/" + challenge + "/prizes", fields).code());
    }

    @Test
    void aContestOpensOnlyFundedPaysItsWinnersOnceAndReturnsTheRest() {
        run(site -> {
            var admin = site.admin();
            var scene = site.draftChallenge("A lunch box for cyclists");
            prizes(scene.owner(), scene.challenge(), "prize1", "500.00", "prize2", "300", "mentions", "2", "mentionAmount", "50.00");
            assertTrue(site.visitor().get("/challenges/" + scene.challenge()).code() == 404, "a draft stays hidden");
            assertTrue(scene.owner().page("/challenges/" + scene.challenge()).contains("€900.00"), "the pool is shown to the manager");

            var refused = site.move(scene.owner(), scene.challenge(), "OPEN");
            assertEquals(409, refused.code());
            assertTrue(refused.body().string().contains("the wallet lacks €900.00"));
            assertEquals(302, admin.post("/admin/deposits", "confirmed", "yes", "organisation", String.valueOf(scene.organisation()), "amount", "600", "reference", "BANK-1").code());
            assertTrue(site.move(scene.owner(), scene.challenge(), "OPEN").body().string().contains("the wallet lacks €300.00"));
            assertEquals("DRAFT", site.text("SELECT state FROM challenge WHERE id = ?", scene.challenge()));
            admin.post("/admin/deposits", "confirmed", "yes", "organisation", String.valueOf(scene.organisation()), "amount", "300", "reference", "BANK-2");
            admin.post("/admin/deposits", "confirmed", "yes", "organisation", String.valueOf(scene.organisation()), "amount", "300", "reference", "BANK-2");
            assertEquals(90_000, balance(site, "WALLET", scene.organisation()), "the same payment reference is recorded once");
            assertEquals(302, site.move(scene.owner(), scene.challenge(), "OPEN").code());
            assertEquals(0, balance(site, "WALLET", scene.organisation()));
            assertEquals(90_000, balance(site, "ESCROW", scene.challenge()));
            assertEquals(409, scene.owner().post("/challenges/" + scene.challenge() + "/prizes", "prize1", "1").code(), "the table is fixed once open");
            assertTrue(site.visitor().page("/challenges/" + scene.challenge()).contains("€500.00"), "everyone sees the prizes before contributing");

            var ana = site.member("Ana Ruiz");
            var ben = site.member("Ben Okafor");
            var cleo = site.member("Cleo Marin");
            long first = site.contribute(ana, scene.challenge(), "Insulated pannier");
            long second = site.contribute(ben, scene.challenge(), "Fold-flat box");
            long third = site.contribute(cleo, scene.challenge(), "Bento rails");
            assertEquals(302, site.move(scene.owner(), scene.challenge(), "REVIEW").code());
            var early = site.move(scene.owner(), scene.challenge(), "DECIDED");
            assertEquals(409, early.code());
            assertTrue(early.body().string().contains("Pick the winners first"));

            String results = "/challenges/" + scene.challenge() + "/results";
            assertTrue(scene.owner().page(results + "/new").contains("Fold-flat box"));
            String[][] bad = {{"rank1", String.valueOf(second), "rank2", String.valueOf(second)}, {"rank1", "99999"},
                    {"mention", String.valueOf(first), "mention", String.valueOf(second), "mention", String.valueOf(third)},
                    {"rank1", String.valueOf(first), "mention", String.valueOf(first)}};
            for (String[] fields : bad) assertEquals(422, scene.owner().post(results, fields).code(), String.join(" ", fields));
            assertEquals(404, scene.owner().post(results, "rank1", "abc").code());
            assertEquals(403, ana.post(results, "rank1", String.valueOf(first)).code(), "a contributor cannot pick herself");
            assertEquals(90_000, balance(site, "ESCROW", scene.challenge()), "nothing paid by a refused settlement");
            var pool = Executors.newFixedThreadPool(2);
            var start = new CountDownLatch(1);
            List<Future<Integer>> tries = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                tries.add(pool.submit(() -> {
                    start.await();
                    return scene.owner().post(results, "rank1", String.valueOf(second), "rank2", String.valueOf(first), "mention", String.valueOf(third)).code();
                }));
            }
            start.countDown();
            var codes = new ArrayList<Integer>();
            for (var t : tries) codes.add(t.get());
            pool.shutdown();
            codes.sort(null);
            assertEquals(List.of(302, 409), codes, "two settlements at once pay once");

            assertEquals("DECIDED", site.text("SELECT state FROM challenge WHERE id = ?", scene.challenge()));
            assertEquals(50_000, balance(site, "EARNINGS", ben.memberId));
            assertEquals(30_000, balance(site, "EARNINGS", ana.memberId));
            assertEquals(5_000, balance(site, "EARNINGS", cleo.memberId));
            assertEquals(List.of("50000", "30000", "5000"), site.texts("SELECT total FROM document WHERE kind = 'PAYMENT_STATEMENT' ORDER BY total DESC"),
                    "a payment statement for each prize and the mention, no fee on them");
            long statement = site.count("SELECT id FROM document WHERE member_id = ? AND kind = 'PAYMENT_STATEMENT'", ben.memberId);
            assertTrue(ben.page("/documents/" + statement).contains("ce document n’est pas une facture"));
            assertTrue(scene.owner().page("/documents/" + statement).contains("€500.00"), "read by both sides");
            assertEquals(404, ana.get("/documents/" + statement).code());
            assertEquals(5_000, balance(site, "WALLET", scene.organisation()), "the unused mention comes back");
            assertEquals(0, balance(site, "ESCROW", scene.challenge()));
            assertEquals(1, site.count("SELECT count(*) FROM ledger_transaction WHERE idempotency_key LIKE 'challenge:%:settle'"));
            String page = site.visitor().page("/challenges/" + scene.challenge());
            assertTrue(page.contains("Results") && page.contains("Ben Okafor") && page.contains("Honourable mention"));
            assertTrue(ben.page("/rewards").contains("€500.00"));
            assertTrue(site.visitor().page("/members/" + ben.memberId).contains("Contest winner"), "a prize is recognised on the profile");
            var csv = ben.get("/rewards.csv");
            assertTrue(csv.headers().get("Content-Type").get(0).startsWith("text/csv"));
            assertTrue(csv.body().string().matches("(?s)\uFEFF\"transaction\",\"date\",\"description\",\"cause\",\"cause_id\",\"gross\",\"fee\",\"amount\",\"balance\",\"currency\"\r\n"
                    + "\\d+,\"[^\"]+\",\"Prizes of A lunch box for cyclists\",\"challenge\",\\d+,500.00,0.00,500.00,500.00,\"EUR\"\r\n"));
            assertTrue(scene.owner().get("/organisations/" + scene.organisation() + "/wallet.csv").body().string().contains("\"Deposit BANK-1\",\"deposit\"," + scene.organisation() + ",600.00,0.00,600.00,600.00,\"EUR\""));
            assertEquals(403, ben.get("/organisations/" + scene.organisation() + "/wallet.csv").code());
            assertTrue(ben.page("/notifications").contains("results"));
            String wallet = scene.owner().page("/organisations/" + scene.organisation() + "/wallet");
            assertTrue(wallet.contains("€50.00") && wallet.contains("What each challenge cost") && wallet.contains("€850.00"),
                    "the contest cost 850.00: 900.00 funded, 50.00 back");
            assertTrue(admin.page("/admin/ledger").contains("Every balance agrees"));

            assertEquals(409, site.member("Dan Poor").post("/rewards/payout").code(), "nothing earned, nothing to pay out");
            var waiting = ana.post("/rewards/payout");
            assertEquals(409, waiting.code(), "the money waits until she says how she is paid");
            assertTrue(waiting.body().string().contains("say how you are paid"));
            assertTrue(ana.page("/rewards").contains("Your earnings wait for you"));
            assertEquals(302, ana.post("/account/payee", "kind", "PRIVATE", "legalName", "Ana Ruiz", "street", "3 rue des Lilas", "postcode", "69003", "city",
                    "Lyon", "country", "FR").code());
            var withoutAccount = ana.post("/rewards/payout");
            assertEquals(409, withoutAccount.code(), "then where");
            assertTrue(withoutAccount.body().string().contains("give the account your payout is sent to"));
            site.bankDetails(ana, "Ana Ruiz");
            assertEquals(302, ana.post("/rewards/payout").code());
            assertTrue(admin.page("/admin/ledger").contains("FR76 3000 6000 0112 3456 7890 189"), "the admin sees where to send it");
            assertEquals(409, ana.post("/rewards/payout").code(), "one open request at a time");
            assertEquals(403, ana.post("/admin/payouts/1/paid", "reference", "SELF").code());
            assertEquals(422, admin.post("/admin/payouts/1/paid", "reference", "").code());
            assertEquals(302, admin.post("/admin/payouts/1/paid", "reference", "PAY-1").code());
            assertEquals(409, admin.post("/admin/payouts/1/paid", "reference", "PAY-1").code(), "paid once");
            assertEquals(0, balance(site, "EARNINGS", ana.memberId));
            assertTrue(ana.page("/rewards").contains("Payout PAY-1"));

            assertEquals(302, ben.post("/account/delete", "password", Site.PASSWORD).code());
            assertEquals(50_000, balance(site, "EARNINGS", ben.memberId), "a deleted account's earnings stay on the books");
            assertTrue(admin.page("/admin/ledger").contains("Every balance agrees"));
        });
    }

    @Test
    void cancellingAFundedContestReturnsTheWholePool() {
        run(site -> {
            var admin = site.admin();
            var scene = site.draftChallenge("A lunch box for cyclists");
            prizes(scene.owner(), scene.challenge(), "prize1", "250.00");
            admin.post("/admin/deposits", "confirmed", "yes", "organisation", String.valueOf(scene.organisation()), "amount", "1,000.00", "reference", "BANK-1");
            assertEquals(302, site.move(scene.owner(), scene.challenge(), "OPEN").code());
            assertEquals(75_000, balance(site, "WALLET", scene.organisation()));
            assertEquals(302, site.move(scene.owner(), scene.challenge(), "CANCELLED").code());
            assertEquals(100_000, balance(site, "WALLET", scene.organisation()));
            assertEquals(0, balance(site, "ESCROW", scene.challenge()));
        });
    }

    @Test
    void aPrizeTableThatIsNotOneIsRefusedAndTheSavedOneKept() {
        run(site -> {
            site.admin();
            var scene = site.draftChallenge("A lunch box for cyclists");
            prizes(scene.owner(), scene.challenge(), "prize1", "100");
            String[][] bad = {{"prize1", "-5"}, {"prize1", "0"}, {"prize1", "abc"}, {"prize1", "999999999999"}, {"prize1", "12,5"},
                    {"prize1", "100", "prize3", "50"}, {"mentions", "x", "mentionAmount", "5"}, {"mentions", "3"}, {"mentions", "51", "mentionAmount", "1"},
                    {"prize1", "<script>alert(1)</script>"}};
            for (String[] fields : bad) {
                var response = scene.owner().post("/challenges/" + scene.challenge() + "/prizes", fields);
                assertEquals(422, response.code(), String.join(" ", fields));
                String body = response.body().string();
                assertFalse(body.contains("<script>alert"), "what was typed comes back escaped");
            }
            assertEquals(10_000, site.count("SELECT amount FROM reward_prize WHERE challenge_id = ?", scene.challenge()));
            assertEquals(1, site.count("SELECT count(*) FROM reward_prize"));
        });
    }

    @Test
    void onlyManagersSetPrizesAndPickWinnersAndOnlyAdminsRecordDeposits() {
        run(site -> {
            var admin = site.admin();
            var scene = site.draftChallenge("A lunch box for cyclists");
            var stranger = site.member("Eve Stone");
            var visitor = site.visitor();
            for (String path : List.of("/challenges/" + scene.challenge() + "/prizes", "/rewards", "/organisations/" + scene.organisation() + "/wallet", "/admin/ledger")) {
                assertTrue(Site.location(visitor.get(path)).startsWith("/login"), path);
            }
            assertEquals(404, stranger.get("/challenges/" + scene.challenge() + "/prizes").code(), "a draft is not found by outsiders");
            assertEquals(404, stranger.post("/challenges/" + scene.challenge() + "/prizes", "prize1", "10").code());
            assertEquals(403, stranger.get("/organisations/" + scene.organisation() + "/wallet").code());
            assertEquals(403, stranger.get("/admin/ledger").code());
            assertEquals(403, scene.owner().post("/admin/deposits", "confirmed", "yes", "organisation", String.valueOf(scene.organisation()), "amount", "10", "reference", "X").code());
            assertEquals(200, scene.owner().get("/organisations/" + scene.organisation() + "/wallet").code());
            assertEquals(200, stranger.get("/rewards").code());
            assertEquals(403, scene.owner().postRaw("/challenges/" + scene.challenge() + "/prizes", "prize1", "10").code(), "no form token");
            assertEquals(403, scene.owner().postRaw("/challenges/" + scene.challenge() + "/prizes", "prize1", "10", "csrf", "wrong").code(), "a wrong form token");
            assertEquals(409, scene.owner().get("/challenges/" + scene.challenge() + "/results/new").code(), "no winners to pick in a draft");
            assertEquals(404, stranger.post("/challenges/" + scene.challenge() + "/results", "rank1", "1").code());
            assertEquals(302, site.move(scene.owner(), scene.challenge(), "OPEN").code(), "a challenge without prizes needs no funding");
            assertEquals(403, stranger.get("/challenges/" + scene.challenge() + "/prizes").code(), "an open challenge is seen, not managed");
            assertEquals(403, stranger.get("/challenges/" + scene.challenge() + "/results/new").code());
            assertEquals(403, stranger.post("/challenges/" + scene.challenge() + "/results", "rank1", "1").code());
            for (String[] fields : new String[][] {{"confirmed", "yes", "organisation", "", "amount", "10", "reference", "A"}, {"confirmed", "yes", "organisation", "999", "amount", "10", "reference", "A"},
                    {"confirmed", "yes", "organisation", String.valueOf(scene.organisation()), "amount", "-1", "reference", "A"}, {"confirmed", "yes", "organisation", String.valueOf(scene.organisation()), "amount", "10", "reference", ""},
                    {"confirmed", "yes", "organisation", String.valueOf(scene.organisation()), "amount", "10", "reference", "R".repeat(101)}}) {
                assertEquals(422, admin.post("/admin/deposits", fields).code(), String.join(" ", fields));
            }
            assertEquals(0, site.count("SELECT count(*) FROM ledger_transaction"));
        });
    }
}
