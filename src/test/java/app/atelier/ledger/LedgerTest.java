package app.atelier.ledger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.atelier.db.Database;
import app.atelier.support.TestDatabase;
import app.atelier.web.HttpProblem;
import java.nio.file.Path;
import java.time.Clock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LedgerTest {
    private static final Account WORLD = Account.world("EUR");
    private static final Account WALLET = Account.wallet(1, "EUR");
    private final Ledger ledger = new Ledger(Clock.systemUTC());
    private Database db;

    @BeforeEach
    void open(@TempDir Path dir) {
        db = Database.open(TestDatabase.url(dir));
    }

    @AfterEach
    void close() {
        db.close();
    }

    private long balance(Account account) {
        return db.read(h -> ledger.balance(h, account));
    }

    private long deposit(String key, long amount) {
        return db.write(h -> ledger.record(h, Transfer.of(key, Event.OTHER, "deposit", new Cause(Cause.DEPOSIT, 1)).move(WORLD, WALLET, amount)));
    }

    @Test
    void theSameKeyTwiceReturnsTheFirstTransactionAndMovesNothing() {
        long first = deposit("d-1", 500);
        assertEquals(first, deposit("d-1", 500));
        assertEquals(500, balance(WALLET));
        assertEquals(1, db.read(ledger::check).transactions());
    }

    @Test
    void theSameKeyWithOtherContentIsRefusedAndMovesNothing() {
        deposit("d-1", 500);
        var refused = assertThrows(HttpProblem.Conflict.class, () -> deposit("d-1", 999_999));
        assertEquals("ledger.keyReused", refused.message().key());
        assertThrows(HttpProblem.Conflict.class, () -> db.write(h -> ledger.record(h,
                Transfer.of("d-1", Event.DEPOSIT, "deposit", new Cause(Cause.DEPOSIT, 2)).move(WORLD, WALLET, 500))), "another cause");
        assertEquals(500, balance(WALLET));
        assertEquals(1, db.read(ledger::check).transactions());
    }

    @Test
    void theCheckFindsATransactionWithNoPostingOrOneAndFormatsItsCurrency() {
        deposit("d-1", 500);
        db.execute(h -> h.execute("INSERT INTO ledger_transaction (idempotency_key, event, description, cause_type, cause_id, created_at) "
                + "VALUES ('bare', 'OTHER', '', 'deposit', 1, 0)"));
        db.execute(h -> h.execute("INSERT INTO ledger_transaction (idempotency_key, event, description, cause_type, cause_id, created_at) "
                + "VALUES ('half', 'OTHER', '', 'deposit', 1, 0)"));
        db.execute(h -> h.execute("INSERT INTO ledger_posting (transaction_id, account_id, amount) "
                + "SELECT (SELECT id FROM ledger_transaction WHERE idempotency_key = 'half'), id, 7 FROM ledger_account WHERE kind = 'WALLET'"));
        var check = db.read(ledger::check);
        assertEquals(2, check.unbalanced().size(), check.toString());
        assertEquals(0, check.unbalanced().get(0).postings());
        assertEquals(1, check.unbalanced().get(1).postings());
        assertEquals(7, check.unbalanced().get(1).total());
        assertEquals("EUR", check.unbalanced().get(1).currency());
    }

    @Test
    void anAmountThatWouldPassTheLongRangeIsRefusedNotWrapped() {
        deposit("d-1", Long.MAX_VALUE);
        assertThrows(ArithmeticException.class, () -> deposit("d-2", 1));
        assertEquals(Long.MAX_VALUE, balance(WALLET));
        assertTrue(db.read(ledger::check).sound());
    }

    @Test
    void aWalletNeverGoesBelowZeroAndTheRefusalSaysHowMuchIsMissing() {
        deposit("d-1", 300);
        var escrow = Hold.pool(7, 1, "EUR").account();
        var refused = assertThrows(Ledger.Insufficient.class, () -> db.execute(h -> ledger.record(h,
                Transfer.of("f-1", Event.OTHER, "fund", new Cause(Cause.CHALLENGE, 7)).move(WALLET, escrow, 1_000))));
        assertEquals(700, refused.missing());
        assertEquals(300, balance(WALLET));
        assertEquals(0, balance(escrow));
    }

    @Test
    void aTransactionInTwoCurrenciesIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> db.execute(h -> ledger.record(h,
                Transfer.of("x", Event.OTHER, "mixed", new Cause(Cause.DEPOSIT, 1)).move(WORLD, Account.wallet(1, "USD"), 5))));
    }

    @Test
    void theDatabaseRefusesToChangeOrDeleteWhatIsWritten() {
        deposit("d-1", 500);
        for (String change : new String[] {"UPDATE ledger_posting SET amount = 1", "DELETE FROM ledger_posting",
                "UPDATE ledger_transaction SET description = 'x'", "DELETE FROM ledger_transaction"}) {
            var refused = assertThrows(RuntimeException.class, () -> db.execute(h -> h.execute(change)), change);
            assertTrue(String.valueOf(refused.getMessage()).contains("never"), change);
        }
        assertTrue(db.read(ledger::check).sound());
    }
}
