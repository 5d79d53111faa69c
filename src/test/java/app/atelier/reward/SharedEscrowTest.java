package app.atelier.reward;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.atelier.Config;
import app.atelier.invoice.Documents;
import app.atelier.invoice.Operator;
import app.atelier.ledger.Ledger;
import app.atelier.notification.Notifier;
import app.atelier.reward.market.MarketService;
import app.atelier.support.Site;
import app.atelier.support.SqliteOnly;
import app.atelier.support.TestClock;
import app.atelier.support.TestDatabase;
import app.atelier.web.Viewer;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.flywaydb.core.Flyway;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A database written before each commitment had its own hold: two challenges whose escrow held their contest's pool
 * and an accepted price together, one of them cancelled, which swept the price back to the wallet. Started on the new
 * version, each price is set apart in its own hold (refilled from the wallet where it was swept) and the accepted
 * work is paid.
 */
@SqliteOnly
class SharedEscrowTest {
    @TempDir
    Path dir;

    @Test
    void pricesHeldInASharedEscrowAreSetApartAtStartAndStayPayable() {
        String url = TestDatabase.url(dir);
        Flyway.configure().dataSource(url, null, null).locations("classpath:db/sqlite", "classpath:db/common").target("33").load().migrate();
        var old = Jdbi.create(url);
        old.useTransaction(SharedEscrowTest::writeTheOldWay);
        var before = balances(old);
        assertEquals(Map.of("WALLET 1", 600_00L, "ESCROW 1", 0L, "ESCROW 2", 400_00L, "WORLD 0", -1_000_00L), before, "the cancelled challenge swept the price");

        Site.run(TestDatabase.config(dir).withAdmins("admin@example.test"), new TestClock(Site.START), site -> {
            var after = balances(old);
            assertEquals(500_00L, after.get("WALLET 1"), "the swept price was taken again from the wallet");
            assertEquals(0L, after.get("ESCROW 1"), "the cancelled challenge's pool was already returned");
            assertEquals(300_00L, after.get("ESCROW 2"), "the open contest's pool alone");
            assertEquals(100_00L, after.get("OFFER 1"));
            assertEquals(100_00L, after.get("OFFER 2"));
            var admin = site.admin();
            assertTrue(admin.page("/admin/ledger").contains("Every hold has exactly what its commitment owes"));
            assertTrue(admin.page("/admin/ledger").contains("Every balance agrees"));

            site.withDatabase(db -> {
                var market = new MarketService(db, site.clock, new Ledger(site.clock), new Notifier("http://localhost", Config.HOME_ZONE), 0,
                        new Documents(Operator.DEMO, site.clock, new Notifier("http://localhost", Config.HOME_ZONE).webhooks()));
                for (long offer = 1; offer <= 2; offer++) {
                    market.deliver(new Viewer(2L, "Ana", false), offer, "Done");
                    market.approve(new Viewer(1L, "Claire", false), offer);
                }
                return null;
            });
            assertEquals(2 * 85_00, site.count("SELECT balance FROM ledger_account WHERE kind = 'EARNINGS' AND owner_id = 2"), "both prices paid");
            assertEquals(500_00, site.count("SELECT balance FROM ledger_account WHERE kind = 'WALLET' AND owner_id = 1"), "the prices were paid from their holds");
        });
    }

    /** The rows the earlier version wrote: members, an organisation, two challenges, two accepted offers, and their money. */
    private static void writeTheOldWay(Handle h) {
        h.execute("INSERT INTO member (id, email, email_key, name, password_hash, created_at) VALUES (1, 'c@x.test', 'c@x.test', 'Claire', '', 0), "
                + "(2, 'a@x.test', 'a@x.test', 'Ana', '', 0)");
        h.execute("INSERT INTO organisation (id, name, created_at) VALUES (1, 'Maison Vidal', 0)");
        h.execute("INSERT INTO organisation_staff (organisation_id, member_id, role, added_at) VALUES (1, 1, 'OWNER', 0)");
        for (int c = 1; c <= 2; c++) {
            h.execute("INSERT INTO challenge (id, organisation_id, title, brief, stage, mode, kinds, state, created_by, created_at) "
                    + "VALUES (?, 1, 'Challenge ' || ?, '', 'IDEA_GENERATION', 'OUTSIDE_IN', 'IDEA', ?, 1, 0)", c, c, c == 1 ? "CANCELLED" : "OPEN");
            h.execute("INSERT INTO contribution (id, challenge_id, author_id, kind, title, body, status, trending, created_at, updated_at) "
                    + "VALUES (?, ?, 2, 'IDEA', 'Idea ' || ?, '', 'ACCEPTED', 0, 0, 0)", c, c, c);
            h.execute("INSERT INTO reward_plan (challenge_id) VALUES (?)", c);
            h.execute("INSERT INTO reward_prize (challenge_id, rank, amount) VALUES (?, 1, 30000)", c);
            h.execute("INSERT INTO market_offer (id, challenge_id, contribution_id, member_id, price, currency, state, offered_by, created_at, updated_at) "
                    + "VALUES (?, ?, ?, 2, 10000, 'EUR', 'ACCEPTED', 1, 0, 0)", c, c, c);
        }
        var accounts = new LinkedHashMap<String, Long>();
        move(h, accounts, "deposit:1:BANK", "WORLD 0", "WALLET 1", 1_000_00);
        move(h, accounts, "challenge:1:fund", "WALLET 1", "ESCROW 1", 300_00);
        move(h, accounts, "offer:1:hold", "WALLET 1", "ESCROW 1", 100_00);
        move(h, accounts, "challenge:1:cancel", "ESCROW 1", "WALLET 1", 400_00);
        move(h, accounts, "challenge:2:fund", "WALLET 1", "ESCROW 2", 300_00);
        move(h, accounts, "offer:2:hold", "WALLET 1", "ESCROW 2", 100_00);
    }

    private static void move(Handle h, Map<String, Long> accounts, String key, String from, String to, long amount) {
        long transaction = h.createUpdate("INSERT INTO ledger_transaction (idempotency_key, description, cause_type, cause_id, created_at) "
                + "VALUES (?, 'Old', 'challenge', 1, 0)").bind(0, key).executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
        post(h, accounts, transaction, from, -amount);
        post(h, accounts, transaction, to, amount);
    }

    private static void post(Handle h, Map<String, Long> accounts, long transaction, String account, long amount) {
        String[] parts = account.split(" ", -1);
        long id = accounts.computeIfAbsent(account, a -> h.createUpdate("INSERT INTO ledger_account (kind, owner_id, currency) VALUES (?, ?, 'EUR')")
                .bind(0, parts[0]).bind(1, Long.parseLong(parts[1])).executeAndReturnGeneratedKeys("id").mapTo(Long.class).one());
        h.execute("INSERT INTO ledger_posting (transaction_id, account_id, amount) VALUES (?, ?, ?)", transaction, id, amount);
        h.execute("UPDATE ledger_account SET balance = balance + ? WHERE id = ?", amount, id);
    }

    private static Map<String, Long> balances(Jdbi db) {
        var balances = new LinkedHashMap<String, Long>();
        db.useHandle(h -> h.createQuery("SELECT kind || ' ' || owner_id AS name, balance FROM ledger_account ORDER BY id")
                .map((rs, ctx) -> balances.put(rs.getString("name"), rs.getLong("balance"))).list());
        return balances;
    }
}
