package app.atelier.ledger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.atelier.db.Database;
import app.atelier.support.TestDatabase;
import app.atelier.web.HttpProblem;
import java.nio.file.Files;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * Random sequences of the ledger's operations on a real database: deposits, funding an escrow, awards with a fee,
 * returns and payouts, some far larger than any balance, some replayed with an earlier key, the same content or other
 * content (refused, and nothing moves). After every operation
 * the balances it touched must be what a plain model expects and none below zero; after every sequence, every
 * balance recomputed from the postings must agree and every transaction sum to zero.
 */
class LedgerPropertiesTest {
    private static Database db;
    private static final Ledger LEDGER = new Ledger(Clock.systemUTC());
    private static final AtomicLong TRIES = new AtomicLong();
    private static final AtomicLong OPERATIONS = new AtomicLong();
    /** What every account should hold, over all sequences: the world and the platform's revenue are shared. */
    private static final Map<Account, Long> EXPECTED = new HashMap<>();

    enum Kind { DEPOSIT, FUND, AWARD, RETURN, PAYOUT, REPLAY, REPLAY_OTHER }

    record Operation(Kind kind, long amount, int who, int replayOf) {
    }

    @BeforeContainer
    static void openDatabase() throws Exception {
        db = Database.open(TestDatabase.url(Files.createTempDirectory("ledger")));
    }

    @AfterContainer
    static void closeDatabase() {
        db.close();
        System.out.println("ledger properties: " + TRIES.get() + " sequences, " + OPERATIONS.get() + " operations checked");
    }

    @Provide
    Arbitrary<List<Operation>> sequences() {
        Arbitrary<Long> amounts = Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(6, Arbitraries.longs().between(1, 50_000)),
                net.jqwik.api.Tuple.of(1, Arbitraries.longs().between(1, 10_000_000_000L)));
        return Combinators.combine(Arbitraries.of(Kind.class), amounts, Arbitraries.integers().between(0, 2), Arbitraries.integers().between(0, 30))
                .as(Operation::new).list().ofMinSize(1).ofMaxSize(12);
    }

    @Property(tries = 2_000)
    void theBooksHoldAfterEveryOperation(@ForAll("sequences") List<Operation> operations) {
        long run = TRIES.incrementAndGet();
        // Each sequence has its own organisation, challenge and members, so sequences do not see each other's money.
        long organisation = run;
        long challenge = run;
        var expected = EXPECTED;
        var done = new java.util.ArrayList<Transfer>();
        for (var op : operations) {
            OPERATIONS.incrementAndGet();
            Transfer transfer = op.kind() == Kind.REPLAY && !done.isEmpty()
                    ? done.get(op.replayOf() % done.size())
                    : transfer(op, organisation, challenge, run + "-" + done.size());
            if (op.kind() == Kind.REPLAY_OTHER && !done.isEmpty()) {
                var first = done.get(op.replayOf() % done.size());
                var other = Transfer.of(first.key(), Event.OTHER, "other", new Cause("other", organisation))
                        .move(Account.world("EUR"), Account.wallet(organisation, "EUR"), op.amount() + 1);
                assertThrows(HttpProblem.Conflict.class, () -> db.execute(h -> LEDGER.record(h, other)), "a key replayed with other content");
                continue;
            }
            if (transfer == null) continue;
            boolean replay = done.contains(transfer);
            try {
                db.execute(h -> LEDGER.record(h, transfer));
                if (!replay) {
                    transfer.postings().forEach((account, amount) -> expected.merge(account, amount, Math::addExact));
                    done.add(transfer);
                }
            } catch (Ledger.Insufficient refused) {
                assertTrue(!replay, "a replay is never refused");
                long balance = expected.getOrDefault(refused.account(), 0L);
                assertTrue(refused.missing() > 0 && balance < -transfer.postings().get(refused.account()), "refused only when short");
            }
            for (var account : transfer.postings().keySet()) {
                assertEquals(expected.getOrDefault(account, 0L), db.read(h -> LEDGER.balance(h, account)), account.toString());
                if (!account.kind().mayGoBelowZero()) assertTrue(expected.getOrDefault(account, 0L) >= 0);
            }
        }
        var check = db.read(LEDGER::check);
        assertTrue(check.sound(), check.toString());
    }

    private static Transfer transfer(Operation op, long organisation, long challenge, String key) {
        String eur = "EUR";
        Account wallet = Account.wallet(organisation, eur);
        Account escrow = Hold.pool(challenge, organisation, eur).account();
        Account earnings = Account.earnings(organisation * 10 + op.who(), eur);
        Cause cause = new Cause(Cause.CHALLENGE, challenge);
        long amount = op.amount();
        return switch (op.kind()) {
            case DEPOSIT -> Transfer.of(key, Event.OTHER, "deposit", new Cause(Cause.DEPOSIT, organisation)).move(Account.world(eur), wallet, amount);
            case FUND -> Transfer.of(key, Event.OTHER, "fund", cause).move(wallet, escrow, amount);
            case AWARD -> {
                long fee = amount * 1500 / 10_000;
                var award = Transfer.of(key, Event.OTHER, "award", cause).feeRate(1500);
                if (amount - fee > 0) award.move(escrow, earnings, amount - fee);
                if (fee > 0) award.move(escrow, Account.revenue(eur), fee);
                yield award;
            }
            case RETURN -> Transfer.of(key, Event.OTHER, "return", cause).move(escrow, wallet, amount);
            case PAYOUT -> Transfer.of(key, Event.OTHER, "payout", new Cause(Cause.PAYOUT, organisation)).move(earnings, Account.world(eur), amount);
            case REPLAY, REPLAY_OTHER -> null;
        };
    }
}
