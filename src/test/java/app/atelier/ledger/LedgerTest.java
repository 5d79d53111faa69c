package app.atelier.ledger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.atelier.db.Database;
import app.atelier.support.TestDatabase;
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
        return db.write(h -> ledger.record(h, Transfer.of(key, "deposit", new Cause(Cause.DEPOSIT, 1)).move(WORLD, WALLET, amount)));
    }

    @Test
    void theSameKeyTwiceReturnsTheFirstTransactionAndMovesNothing() {
        long first = deposit("d-1", 500);
        assertEquals(first, deposit("d-1", 999_999));
        assertEquals(500, balance(WALLET));
        assertEquals(1, db.read(ledger::check).transactions());
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
        var escrow = Account.escrow(7, "EUR");
        var refused = assertThrows(Ledger.Insufficient.class, () -> db.execute(h -> ledger.record(h,
                Transfer.of("f-1", "fund", new Cause(Cause.CHALLENGE, 7)).move(WALLET, escrow, 1_000))));
        assertEquals(700, refused.missing());
        assertEquals(300, balance(WALLET));
        assertEquals(0, balance(escrow));
    }

    @Test
    void aTransactionInTwoCurrenciesIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> db.execute(h -> ledger.record(h,
                Transfer.of("x", "mixed", new Cause(Cause.DEPOSIT, 1)).move(WORLD, Account.wallet(1, "USD"), 5))));
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
