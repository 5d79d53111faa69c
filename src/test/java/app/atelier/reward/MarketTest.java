package app.atelier.reward;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.atelier.support.Browser;
import app.atelier.support.Site;
import app.atelier.support.TestClock;
import app.atelier.support.TestDatabase;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Marketplace work from the offer to the fee, through the running app: approved, and disputed both ways. */
class MarketTest {
    @TempDir
    Path dir;

    private static long balance(Site site, String kind, long owner) {
        return site.count("SELECT coalesce((SELECT balance FROM ledger_account WHERE kind = ? AND owner_id = ?), 0)", kind, owner);
    }

    /** An open challenge of Maison Vidal, its wallet holding 1,000.00, and one of Ana's contributions accepted. */
    private record Market(Browser admin, Browser owner, Browser ana, long organisation, long contribution) {
    }

    private static Market market(Site site) {
        var admin = site.signUp("Ada Admin", "admin@example.test");
        site.verify(admin);
        var scene = site.openChallenge("A lunch box for cyclists");
        var ana = site.member("Ana Ruiz");
        long contribution = site.contribute(ana, scene.challenge(), "Insulated pannier");
        admin.post("/admin/deposits", "confirmed", "yes", "organisation", String.valueOf(scene.organisation()), "amount", "1,000", "reference", "BANK-1");
        return new Market(admin, scene.owner(), ana, scene.organisation(), contribution);
    }

    private static long challengeOf(Site site, Market m) {
        return site.count("SELECT challenge_id FROM contribution WHERE id = ?", m.contribution());
    }

    private static void accept(Market m) {
        assertEquals(302, m.owner().post("/contributions/" + m.contribution() + "/responses", "status", "ACCEPTED", "body", "We take it.").code());
    }

    private static long offer(Market m, String price) {
        return Site.idFrom(m.owner().post("/contributions/" + m.contribution() + "/offers", "price", price));
    }

    @Test
    void anApprovedDeliveryPaysThePriceLessTheFeeFrozenWhenTheOfferWasAccepted() {
        Site.run(TestDatabase.config(dir).withAdmins("admin@example.test"), new TestClock(Site.START), site -> {
            var m = market(site);
            String offers = "/contributions/" + m.contribution() + "/offers";
            assertEquals(409, m.owner().post(offers, "price", "100").code(), "only an accepted contribution");
            accept(m);
            for (String bad : new String[] {"", "0", "-5", "abc", "1e9", "999999999999"}) assertEquals(422, m.owner().post(offers, "price", bad).code(), bad);
            assertEquals(403, m.ana().post(offers, "price", "100").code(), "the author does not price her own work");
            long offer = offer(m, "200.00");
            assertEquals(409, m.owner().post(offers, "price", "50").code(), "one offer under way");
            assertTrue(m.ana().page("/contributions/" + m.contribution()).contains("€200.00 for Ana Ruiz (€164.00 received after the 15 % platform fee and its VAT)"));
            assertTrue(site.visitor().page("/contributions/" + m.contribution()).contains("Insulated pannier"));
            assertTrue(site.visitor().page("/challenges/" + challengeOf(site, m)).contains("€200.00 for Ana Ruiz (€164.00 received after the 15 % platform fee and its VAT)"), "the plan shows what work is paid");

            String o = "/offers/" + offer;
            assertEquals(403, m.owner().post(o + "/accept").code(), "only the contributor accepts");
            assertEquals(302, m.ana().post(o + "/accept").code());
            assertEquals(409, m.ana().post(o + "/accept").code(), "accepted once");
            assertEquals(80_000, balance(site, "WALLET", m.organisation()));
            assertEquals(422, m.ana().post(o + "/deliver", "note", "").code(), "a delivery says what it is");
            assertEquals(302, m.ana().post(o + "/deliver", "note", "Drawings and a prototype <script>x</script>").code());
            assertTrue(!m.owner().page(o).contains("<script>x"), "the note is escaped");
            assertEquals(403, m.ana().post(o + "/approve").code());

            assertEquals(302, m.admin().post("/admin/fee-rate", "feeRate", "10").code());
            for (String bad : new String[] {"51", "abc", "-1", ""}) assertEquals(422, m.admin().post("/admin/fee-rate", "feeRate", bad).code(), bad);
            assertEquals(403, m.owner().post("/admin/fee-rate", "feeRate", "0").code());
            assertTrue(m.ana().page(o).contains("Platform fee (15 %)"), "the rate agreed, not the one in force now");
            assertEquals(302, m.owner().post(o + "/approve").code());
            assertEquals(16_400, balance(site, "EARNINGS", m.ana().memberId), "200.00 less the 15 % fee in force when Ana accepted, and its VAT");
            assertEquals(3_000, balance(site, "REVENUE", 0));
            assertTrue(m.admin().page("/admin/ledger").contains("Platform revenue from fees: €30.00"));
            assertTrue(m.ana().page("/rewards").contains("points"), "My rewards shows recognition too");
            assertEquals(302, m.admin().post("/admin/fee-rate", "feeRate", "20").code());
            assertEquals(1500, site.count("SELECT fee_rate_bp FROM ledger_transaction WHERE idempotency_key = ?", "offer:" + offer + ":pay"),
                    "the payment keeps the rate it was made at");
            assertEquals(16_400, balance(site, "EARNINGS", m.ana().memberId));
            assertEquals(600, balance(site, "TAX", 0), "the VAT on the fee, owed to the tax office");
            assertTrue(m.admin().page("/admin/ledger").contains("Every balance agrees"));
        });
    }

    @Test
    void aRejectedDeliveryCanBeDisputedAndAnAdminDecides() {
        Site.run(TestDatabase.config(dir).withAdmins("admin@example.test"), new TestClock(Site.START), site -> {
            var m = market(site);
            accept(m);
            long offer = offer(m, "100");
            String o = "/offers/" + offer;
            m.ana().post(o + "/accept");
            m.ana().post(o + "/deliver", "note", "Here it is");
            assertEquals(422, m.owner().post(o + "/reject", "note", " ").code());
            assertEquals(302, m.owner().post(o + "/reject", "note", "Not what we asked").code());
            assertEquals(302, m.ana().post(o + "/dispute", "note", "It is exactly that").code());
            assertEquals(403, m.owner().post(o + "/refund").code(), "the organisation does not judge its own dispute");
            assertTrue(m.admin().page("/admin/ledger").contains("Insulated pannier"));
            assertEquals(302, m.admin().post(o + "/refund").code());
            assertEquals(100_000, balance(site, "WALLET", m.organisation()), "the price is back in the wallet");
            assertEquals(0, balance(site, "EARNINGS", m.ana().memberId));
            assertEquals(409, m.admin().post(o + "/pay").code(), "decided once");

            long second = offer(m, "50");
            String s = "/offers/" + second;
            m.ana().post(s + "/accept");
            m.ana().post(s + "/deliver", "note", "Again");
            m.owner().post(s + "/reject", "note", "No");
            m.ana().post(s + "/dispute", "note", "Yes");
            assertEquals(302, m.admin().post(s + "/pay").code());
            assertEquals(4_100, balance(site, "EARNINGS", m.ana().memberId), "paid less the 15 % default fee and its VAT");
            assertEquals(404, site.member("Eve Stone").get(s).code(), "an offer is between its parties");
            assertEquals(404, m.ana().post(s + "/nonsense").code());
        });
    }

    @Test
    void aPaidTaskGoesToTheApplicantPickedAndIsPaidLikeAnyOffer() {
        Site.run(TestDatabase.config(dir).withAdmins("admin@example.test"), new TestClock(Site.START), site -> {
            var m = market(site);
            long challenge = challengeOf(site, m);
            String tasks = "/challenges/" + challenge + "/tasks";
            for (String[] bad : new String[][] {{"title", "", "brief", "Drawings", "price", "100"}, {"title", "Draw it", "brief", "", "price", "100"},
                    {"title", "Draw it", "brief", "Drawings", "price", "0"}, {"title", "T".repeat(151), "brief", "Drawings", "price", "100"}}) {
                assertEquals(422, m.owner().post(tasks, bad).code(), String.join(" ", bad));
            }
            assertEquals(403, m.ana().post(tasks, "title", "Draw it", "brief", "Drawings", "price", "100").code());
            long task = Site.idFrom(m.owner().post(tasks, "title", "Technical drawings", "brief", "Three views, to scale.", "price", "300"));
            assertTrue(site.visitor().page("/challenges/" + challenge).contains("Technical drawings"));
            String t = "/tasks/" + task;
            assertTrue(site.visitor().page(t).contains("Sign in to apply"));
            assertEquals(422, m.ana().post(t + "/apply", "pitch", "").code());
            assertEquals(302, m.ana().post(t + "/apply", "pitch", "I draw for a living.").code());
            assertEquals(409, m.ana().post(t + "/apply", "pitch", "Again").code());
            assertEquals(403, m.owner().post(t + "/apply", "pitch", "Me too").code(), "staff do not apply to their own task");
            var bob = site.member("Bob Stone");
            assertEquals(302, bob.post(t + "/apply", "pitch", "CAD is my job.").code());
            assertTrue(!bob.page(t).contains("I draw for a living"), "applications are for the managers");
            assertTrue(m.owner().page(t).contains("I draw for a living"));
            assertEquals(403, bob.post(t + "/pick/" + bob.memberId).code());
            assertEquals(404, m.owner().post(t + "/pick/" + m.admin().memberId).code(), "only an applicant can be picked");

            String offer = Site.location(m.owner().post(t + "/pick/" + m.ana().memberId));
            assertEquals(70_000, balance(site, "WALLET", m.organisation()), "the price is held at once");
            assertEquals(409, m.owner().post(t + "/pick/" + bob.memberId).code(), "a task goes to one person");
            assertEquals(409, bob.post(t + "/apply", "pitch", "Late").code());
            assertEquals(302, m.ana().post(offer + "/deliver", "note", "Attached to the brief").code());
            assertEquals(302, m.owner().post(offer + "/approve").code());
            assertEquals(24_600, balance(site, "EARNINGS", m.ana().memberId), "300.00 less the 15 % fee and its VAT");
            assertTrue(m.owner().page("/organisations/" + m.organisation() + "/wallet").contains("€300.00"), "the task counts in the challenge's cost");
        });
    }
}
