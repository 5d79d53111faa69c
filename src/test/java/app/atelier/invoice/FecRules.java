package app.atelier.invoice;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.atelier.db.Database;
import app.atelier.ledger.AccountKind;
import app.atelier.web.Viewer;
import java.time.Instant;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * The rules a FEC must follow, checked over every year of a database's ledger: the eighteen columns in order, dates
 * as AAAAMMJJ, amounts with a comma, one side of each line only, each entry balanced, and for each account of the
 * chart and auxiliary account the years' lines adding up to the balances of the ledger accounts it stands for.
 */
public final class FecRules {
    private FecRules() {
    }

    /** @return how many lines the years' files hold */
    public static long check(Database db, ZoneId zone) {
        var fec = new Fec(db, Operator.DEMO, zone);
        var admin = new Viewer(1L, "Admin", true);
        var years = db.read(h -> h.createQuery("SELECT min(created_at) AS first, max(created_at) AS last FROM ledger_transaction")
                .map((rs, ctx) -> new long[] {rs.getLong("first"), rs.getLong("last")}).one());
        int first = Instant.ofEpochMilli(years[0]).atZone(zone).getYear();
        int last = Instant.ofEpochMilli(years[1]).atZone(zone).getYear();
        var sums = new HashMap<String, Long>();
        long lines = 0;
        for (int year = first; year <= last; year++) {
            String file = fec.year(admin, year);
            var rows = file.lines().toList();
            assertEquals(String.join("\t", Fec.COLUMNS), rows.get(0));
            var entries = new TreeMap<String, Long>();
            for (int i = 1; i < rows.size(); i++) {
                var f = rows.get(i).split("\t", -1);
                assertEquals(18, f.length, rows.get(i));
                for (int date : new int[] {3, 9, 15}) assertTrue(f[date].matches(year + "\\d{4}"), rows.get(i));
                assertTrue(f[11].matches("\\d+,\\d{2}") && f[12].matches("\\d+,\\d{2}"), rows.get(i));
                assertTrue((Fec.parse(f[11]) == 0) != (Fec.parse(f[12]) == 0), "one side only: " + rows.get(i));
                entries.merge(f[0] + f[2], Fec.parse(f[12]) - Fec.parse(f[11]), Long::sum);
            }
            entries.forEach((entry, balance) -> assertEquals(0L, balance, "entry " + entry + " balances"));
            Fec.sums(file).forEach((account, sum) -> sums.merge(account, sum, Long::sum));
            lines += rows.size() - 1;
        }
        assertEquals(ledgerBalances(db), withoutZeros(sums), "each account of the chart adds up to the ledger's balances");
        return lines;
    }

    private static Map<String, Long> ledgerBalances(Database db) {
        var balances = new HashMap<String, Long>();
        db.read(h -> h.createQuery("SELECT kind, owner_id, held_for, balance FROM ledger_account WHERE currency = 'EUR'").map((rs, ctx) -> {
            var kind = AccountKind.valueOf(rs.getString("kind"));
            long owner = rs.getLong("owner_id");
            String aux = switch (kind) {
                case WALLET -> "ORG" + owner;
                case ESCROW, OFFER, HOLD -> "ORG" + rs.getLong("held_for");
                case EARNINGS -> "MBR" + owner;
                default -> "";
            };
            balances.merge(Fec.ChartAccount.of(kind).number() + "|" + aux, rs.getLong("balance"), Long::sum);
            return 0;
        }).list());
        return withoutZeros(balances);
    }

    private static Map<String, Long> withoutZeros(Map<String, Long> sums) {
        var kept = new TreeMap<String, Long>();
        sums.forEach((account, sum) -> {
            if (sum != 0) kept.put(account, sum);
        });
        return kept;
    }
}
