package app.atelier.reward;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.atelier.support.Browser;
import app.atelier.support.Site;
import app.atelier.support.TestClock;
import app.atelier.support.TestDatabase;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A royalty from its rate in the plan to each sales declaration split between the contributors. */
class RoyaltyTest {
    @TempDir
    Path dir;

    private static long earnings(Site site, long member) {
        return site.count("SELECT coalesce((SELECT balance FROM ledger_account WHERE kind = 'EARNINGS' AND owner_id = ?), 0)", member);
    }

    @Test
    void sharesAreProposedThenFixedAndEachDeclarationIsSplitToTheCent() {
        Site.run(TestDatabase.config(dir).withAdmins("admin@example.test"), new TestClock(Site.START), site -> {
            var admin = site.signUp("Ada Admin", "admin@example.test");
            site.verify(admin);
            var scene = site.draftChallenge("A lunch box for cyclists");
            assertEquals(422, scene.owner().post("/challenges/" + scene.challenge() + "/prizes", "royaltyRate", "101").code());
            assertEquals(422, scene.owner().post("/challenges/" + scene.challenge() + "/prizes", "royaltyRate", "2.555").code());
            assertEquals(302, scene.owner().post("/challenges/" + scene.challenge() + "/prizes", "royaltyRate", "5").code());
            assertEquals(302, site.move(scene.owner(), scene.challenge(), "OPEN").code(), "a royalty needs no money up front");
            assertTrue(site.visitor().page("/challenges/" + scene.challenge()).contains("Royalty: 5 % of the net sales"));

            var ana = site.member("Ana Ruiz");
            var ben = site.member("Ben Okafor");
            var cleo = site.member("Cleo Marin");
            for (var contributor : new Browser[] {ana, ben, cleo}) site.contribute(contributor, scene.challenge(), "Idea of " + contributor.memberId);
            String royalty = "/challenges/" + scene.challenge() + "/royalty";
            assertEquals(409, scene.owner().get(royalty).code(), "shares come at decision");
            site.close(scene.owner(), scene.challenge());

            String shares = "/challenges/" + scene.challenge() + "/shares";
            String a = "weight" + ana.memberId, b = "weight" + ben.memberId, c = "weight" + cleo.memberId;
            assertTrue(scene.owner().post(shares, a, "0", b, "0", c, "0").body().string().contains("At least one share"));
            for (String bad : new String[] {"-1", "abc", "2000000", ""}) assertEquals(422, scene.owner().post(shares, a, bad, b, "1", c, "1").code(), bad);
            assertEquals(403, ana.post(shares, a, "9", b, "0", c, "0").code(), "a contributor does not weigh her own share");
            assertEquals(302, scene.owner().post(shares, a, "1", b, "1", c, "1", "action", "save").code());
            assertTrue(ana.page("/challenges/" + scene.challenge()).contains("Proposed shares"), "contributors read the proposal before it is fixed");
            assertTrue(ana.page("/rewards").contains("33.33 % (proposed)"), "and see their pending share on My rewards");
            assertEquals(302, scene.owner().post(shares, a, "1", b, "1", c, "1", "action", "fix").code());
            assertEquals(409, scene.owner().post(shares, a, "5", b, "1", c, "1", "action", "fix").code(), "fixed shares do not change");

            String declarations = "/challenges/" + scene.challenge() + "/declarations";
            var unfunded = scene.owner().post(declarations, "period", "2026-03", "netSales", "2,000.00");
            assertEquals(409, unfunded.code());
            assertTrue(unfunded.body().string().contains("it lacks €100.00"));
            admin.post("/admin/deposits", "confirmed", "yes", "organisation", String.valueOf(scene.organisation()), "amount", "500", "reference", "BANK-1");
            for (String[] bad : new String[][] {{"period", "March", "netSales", "10"}, {"period", "2026-13", "netSales", "10"},
                    {"period", "2026-03", "netSales", "0"}, {"period", "2026-03", "netSales", "-10"}, {"period", "", "netSales", ""}}) {
                assertEquals(422, scene.owner().post(declarations, bad).code(), String.join(" ", bad));
            }
            assertEquals(302, scene.owner().post(declarations, "period", "2026-03", "netSales", "2,000.00").code());
            assertEquals(3334, earnings(site, ana.memberId), "the first in order takes the extra cent");
            assertEquals(3333, earnings(site, ben.memberId));
            assertEquals(3333, earnings(site, cleo.memberId));
            assertEquals(List.of("3334", "3333", "3333"), site.texts("SELECT total FROM document WHERE kind = 'PAYMENT_STATEMENT' ORDER BY id"),
                    "each share leaves its statement: no fee is kept on royalties");
            assertTrue(site.text("SELECT lines FROM document WHERE member_id = ?", ana.memberId).contains("Redevance"));
            assertEquals(40_000, site.count("SELECT balance FROM ledger_account WHERE kind = 'WALLET' AND owner_id = ?", scene.organisation()));
            var again = scene.owner().post(declarations, "period", "2026-03", "netSales", "1,000.00");
            assertEquals(422, again.code());
            assertTrue(again.body().string().contains("already declared"));
            assertEquals(1, site.count("SELECT count(*) FROM royalty_declaration"));
            assertTrue(ana.page("/challenges/" + scene.challenge()).contains("€33.34"), "each contributor sees their part");
            assertEquals(403, ben.post(declarations, "period", "2026-04", "netSales", "10").code());
            assertTrue(admin.page("/admin/ledger").contains("Every balance agrees"));
        });
    }
}
