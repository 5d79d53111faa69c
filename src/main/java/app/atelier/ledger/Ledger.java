package app.atelier.ledger;

import app.atelier.web.HttpProblem;
import app.atelier.web.Paged;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Handle;

/**
 * Writes transactions into the double-entry ledger, inside the caller's write transaction so that the money moves
 * with the change that caused it, or not at all. A transaction's postings sum to zero, are in one currency, and
 * leave no account but the outside world below zero. A second write with the same key and the same content returns
 * the first transaction and changes nothing; one with the same key and other content is refused, as TigerBeetle
 * refuses a transfer that exists with a different amount.
 */
public final class Ledger {
    private final Clock clock;

    public Ledger(Clock clock) {
        this.clock = clock;
    }

    /** The time transactions are recorded at now. */
    public Instant now() {
        return clock.instant();
    }

    /** Too little money in an account for a move out of it. */
    public static final class Insufficient extends RuntimeException {
        private final Account account;
        private final long missing;

        Insufficient(Account account, long missing) {
            super(account + " lacks " + missing, null, false, false);
            this.account = account;
            this.missing = missing;
        }

        public Account account() {
            return account;
        }

        public long missing() {
            return missing;
        }
    }

    /**
     * Records the transfer, or finds it already recorded under its key with the same postings and cause; returns the
     * transaction's id. The same key with other content is a 409, never a silent success.
     */
    public long record(Handle h, Transfer transfer) {
        var ledger = h.attach(LedgerDao.class);
        var done = ledger.transactionWithKey(transfer.key());
        if (done.isPresent()) {
            if (!same(ledger, done.get(), transfer)) throw new HttpProblem.Conflict("ledger.keyReused");
            return done.get();
        }
        Map<Account, Long> postings = transfer.postings();
        if (postings.size() < 2) throw new IllegalArgumentException("a transaction moves money between two accounts at least");
        if (postings.keySet().stream().map(Account::currency).distinct().count() != 1) {
            throw new IllegalArgumentException("a transaction is in one currency");
        }
        long sum = postings.values().stream().reduce(0L, Math::addExact);
        if (sum != 0) throw new IllegalStateException("postings sum to " + sum);
        var accounts = new ArrayList<>(postings.keySet());
        var amounts = new ArrayList<>(postings.values());
        ledger.open(accounts);
        // Only the accounts money leaves can fall below zero: a transaction has few of them, read one by one.
        for (var posting : postings.entrySet()) {
            if (posting.getValue() > 0 || posting.getKey().kind().mayGoBelowZero()) continue;
            long after = Math.addExact(ledger.balance(posting.getKey()).orElse(0L), posting.getValue());
            if (after < 0) throw new Insufficient(posting.getKey(), -after);
        }
        long id = ledger.insertTransaction(transfer.key(), transfer.event(), transfer.subject(), transfer.cause().type(), transfer.cause().id(),
                transfer.feeRateBp(), transfer.recordedBy(), clock.instant());
        ledger.insertPostings(id, accounts, amounts, accounts.stream().map(transfer::gross).toList());
        for (int changed : ledger.addToBalances(accounts, amounts)) {
            if (changed != 1) throw new ArithmeticException("a balance would pass the range of a long");
        }
        return id;
    }

    /** Whether a transaction is recorded under the transfer's key with other postings or another cause. */
    public boolean keyTakenByOther(Handle h, Transfer transfer) {
        var ledger = h.attach(LedgerDao.class);
        return ledger.transactionWithKey(transfer.key()).map(id -> !same(ledger, id, transfer)).orElse(false);
    }

    private static boolean same(LedgerDao ledger, long transactionId, Transfer transfer) {
        var stored = ledger.recorded(transactionId);
        var postings = new HashMap<Account, Long>();
        ledger.postingsOf(transactionId).forEach(p -> postings.put(p.account(), p.amount()));
        return stored.equals(transfer.cause()) && postings.equals(transfer.postings());
    }

    public long balance(Handle h, Account account) {
        return h.attach(LedgerDao.class).balance(account).orElse(0L);
    }

    /** What the organisation's commitments hold of its money, together. */
    public long heldFor(Handle h, long organisationId, String currency) {
        return h.attach(LedgerDao.class).heldFor(organisationId, currency);
    }

    public boolean recorded(Handle h, String key) {
        return h.attach(LedgerDao.class).transactionWithKey(key).isPresent();
    }

    public Paged<LedgerLine> lines(Handle h, Account account, int page, int pageSize) {
        var ledger = h.attach(LedgerDao.class);
        return new Paged<>(ledger.lines(account, pageSize, Paged.offset(page, pageSize)), page, ledger.lineCount(account), pageSize);
    }

    /** An account over a period: its balance at the start, its transactions in order, and its balance at the end. */
    public record Statement(long opening, List<LedgerLine> lines, long closing) {
    }

    public Statement statement(Handle h, Account account, Instant from, Instant to) {
        var ledger = h.attach(LedgerDao.class);
        long opening = ledger.balanceBefore(account, from);
        var lines = ledger.between(account, from, to);
        return new Statement(opening, lines, lines.isEmpty() ? opening : lines.get(lines.size() - 1).balanceAfter());
    }

    /** All of an account's transactions, newest first, for an export. */
    public List<LedgerLine> allLines(Handle h, Account account) {
        return h.attach(LedgerDao.class).lines(account, Integer.MAX_VALUE, 0);
    }

    /** Every balance recomputed from the postings, and every transaction's postings summed. */
    public LedgerCheck check(Handle h) {
        var ledger = h.attach(LedgerDao.class);
        return new LedgerCheck(ledger.transactionCount(), ledger.accountCount(), ledger.disagreements(), ledger.unbalanced());
    }
}
