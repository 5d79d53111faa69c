package app.atelier.reward;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.atelier.support.Site;
import app.atelier.support.Slow;
import app.atelier.support.TestClock;
import app.atelier.support.TestDatabase;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Thirty identical money requests at once, as a double click, a retrying client or an impatient person sends them:
 * a contest's settlement, an approval, a booking, a royalty declaration and a payment after reflection. One
 * succeeds, the others are told it is done (or changed), none meets an error page, and the money moves once.
 */
@Slow
class MoneyBurstTest {
    private static final int AT_ONCE = 30;

    @TempDir
    Path dir;

    private static void movedOnce(List<Integer> codes) {
        assertEquals(1, codes.stream().filter(c -> c == 302).count(), "one succeeds: " + codes);
        assertTrue(codes.stream().allMatch(c -> c == 302 || c == 409 || c == 422), "the others are told, none fails: " + codes);
    }

    private static long balance(Site site, String kind, long owner) {
        return site.count("SELECT coalesce((SELECT balance FROM ledger_account WHERE kind = ? AND owner_id = ?), 0)", kind, owner);
    }

    @Test
    void thirtyOfEachMoneyRequestAtOnceMoveTheMoneyOnce() {
        Site.run(TestDatabase.config(dir).withAdmins("admin@example.test"), new TestClock(Site.START), site -> {
            var admin = site.admin();
            var box = site.draftChallenge("A lunch box for cyclists");
            site.deposit(admin, box.organisation(), "10,000");
            assertEquals(302, box.owner().post("/challenges/" + box.challenge() + "/prizes", "prize1", "300", "royaltyRate", "5", "reflect", "yes",
                    "reflectionDays", "7").code());
            assertEquals(302, site.move(box.owner(), box.challenge(), "OPEN").code());
            var ana = site.member("Ana Ruiz");
            long idea = site.contribute(ana, box.challenge(), "Insulated pannier");
            assertEquals(302, box.owner().post("/contributions/" + idea + "/responses", "status", "ACCEPTED", "body", "We take it.").code());
            long offer = Site.idFrom(box.owner().post("/contributions/" + idea + "/offers", "price", "100"));
            assertEquals(302, ana.post("/offers/" + offer + "/accept").code());
            assertEquals(302, ana.post("/offers/" + offer + "/deliver", "note", "Done").code());

            movedOnce(Site.burst(box.owner(), AT_ONCE, "/offers/" + offer + "/approve"));
            assertEquals(82_00, balance(site, "EARNINGS", ana.memberId), "100.00 less the fee and its VAT");

            assertEquals(302, site.move(box.owner(), box.challenge(), "REVIEW").code());
            movedOnce(Site.burst(box.owner(), AT_ONCE, "/challenges/" + box.challenge() + "/results", "rank1", String.valueOf(idea)));
            assertEquals(382_00, balance(site, "EARNINGS", ana.memberId), "the prize paid once");

            assertEquals(302, box.owner().post("/challenges/" + box.challenge() + "/shares", "weight" + ana.memberId, "1", "action", "fix").code());
            movedOnce(Site.burst(box.owner(), AT_ONCE, "/challenges/" + box.challenge() + "/declarations", "period", "2026-03", "netSales", "1,000"));
            assertEquals(432_00, balance(site, "EARNINGS", ana.memberId), "5 % of 1,000.00 paid once");

            movedOnce(Site.burst(box.owner(), AT_ONCE, "/challenges/" + box.challenge() + "/reflection", "mode", "EACH", "amount-" + ana.memberId, "40"));
            assertEquals(464_80, balance(site, "EARNINGS", ana.memberId), "40.00 less the fee and its VAT, paid once");
            assertEquals(6, site.count("SELECT count(*) FROM document WHERE member_id = ?", ana.memberId),
                    "each payment's documents once: the price's statement and fee invoice, the prize's and the royalty's statements, the reflection's two");

            var expert = site.member("Sam Expert");
            assertEquals(302, expert.post("/expert", "perMinute", "1.50", "freeMinutes", "10", "open", "yes").code());
            var booking = Site.burst(box.owner(), AT_ONCE, "/members/" + expert.memberId + "/book", "bookingKey", Site.formKey(), "organisationId",
                    String.valueOf(box.organisation()), "day", "2026-03-03", "time", "14:00", "minutes", "30", "topic", "Review our lid");
            assertTrue(booking.stream().allMatch(c -> c == 302), "the same form again leads to the same session: " + booking);
            assertEquals(1, site.count("SELECT count(*) FROM expert_session"));
            assertEquals(30_00, site.count("SELECT sum(balance) FROM ledger_account WHERE kind = 'HOLD'"), "one hold of 20 minutes at 1.50");

            var other = Site.burst(box.owner(), AT_ONCE, "/members/" + expert.memberId + "/book", "bookingKey", Site.formKey(), "organisationId",
                    String.valueOf(box.organisation()), "day", "2026-03-03", "time", "14:15", "minutes", "30", "topic", "Overlapping");
            assertTrue(other.stream().allMatch(c -> c == 422), "the expert is taken then: " + other);
            assertEquals(1, site.count("SELECT count(*) FROM expert_session"));
            String ledger = admin.page("/admin/ledger");
            assertTrue(ledger.contains("Every balance agrees") && ledger.contains("Every hold has exactly what its commitment owes"), ledger);
        });
    }
}
