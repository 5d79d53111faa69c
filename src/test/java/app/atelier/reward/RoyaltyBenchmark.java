package app.atelier.reward;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import app.atelier.support.Site;
import app.atelier.support.TestClock;
import app.atelier.support.TestDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A figure for a person to read, never a pass-or-fail test: the time to settle one royalty declaration split
 * among {@value #CONTRIBUTORS} contributors, through HTTP to the running app on a SQLite file. Run with
 * {@code mvn -B test -Dtest=RoyaltyBenchmark -Dbenchmark=true}; the figures go to target/royalty-benchmark.txt.
 */
class RoyaltyBenchmark {
    static final int CONTRIBUTORS = 100_000;

    @TempDir
    Path dir;

    @Test
    void oneDeclarationSplitAmongAHundredThousandContributors() {
        assumeTrue(Boolean.getBoolean("benchmark"), "run with -Dbenchmark=true");
        Site.run(TestDatabase.config(dir).withAdmins("admin@example.test"), new TestClock(Site.START), site -> {
            var admin = site.signUp("Ada Admin", "admin@example.test");
            site.verify(admin);
            var scene = site.draftChallenge("A lunch box for cyclists");
            scene.owner().post("/challenges/" + scene.challenge() + "/prizes", "royaltyRate", "5");
            site.move(scene.owner(), scene.challenge(), "OPEN");
            site.close(scene.owner(), scene.challenge());
            // A hundred thousand contributors with fixed shares of weights 1 to 5, written straight into the tables.
            site.execute("""
                    WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < %d)
                    INSERT INTO member (email, email_key, name, password_hash, created_at)
                    SELECT 'c' || i || '@example.test', 'c' || i || '@example.test', 'Contributor ' || i, '!', 0 FROM n""".formatted(CONTRIBUTORS));
            site.execute("INSERT INTO royalty_share (challenge_id, member_id, weight) SELECT %d, id, 1 + id %% 5 FROM member WHERE name LIKE 'Contributor %%'"
                    .formatted(scene.challenge()));
            site.execute("UPDATE reward_plan SET shares_fixed_at = 0 WHERE challenge_id = " + scene.challenge());
            admin.post("/admin/deposits", "confirmed", "yes", "organisation", String.valueOf(scene.organisation()), "amount", "1,000,000", "reference", "BANK-1");

            var report = new ArrayList<String>();
            report.add("Atelier royalty benchmark: one declaration, 5 % of net sales, split among " + CONTRIBUTORS + " contributors");
            for (int round = 1; round <= 3; round++) {
                long start = System.nanoTime();
                var response = scene.owner().post("/challenges/" + scene.challenge() + "/declarations", "period", "2026-0" + round, "netSales", "1,234,567.89");
                long millis = (System.nanoTime() - start) / 1_000_000;
                assertEquals(302, response.code());
                report.add("declaration 2026-0" + round + ": " + millis + " ms (HTTP request to redirect: split, "
                        + site.count("SELECT count(*) FROM ledger_posting WHERE transaction_id = (SELECT max(id) FROM ledger_transaction)")
                        + " postings, balances, notifications)");
            }
            report.add("earnings paid: " + site.count("SELECT sum(balance) FROM ledger_account WHERE kind = 'EARNINGS'") + " cents; "
                    + "royalty declared: " + site.count("SELECT sum(royalty) FROM royalty_declaration") + " cents");
            Files.write(Path.of("target", "royalty-benchmark.txt"), report);
            System.out.println(String.join(System.lineSeparator(), report));
        });
    }
}
