package app.atelier.ledger;

import app.atelier.web.Paged;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Handle;

/**
 * Writes transactions into the double-entry ledger, inside the caller's write transaction so that the money moves
 * with the change that caused it, or not at all. A transaction's postings sum to zero, are in one currency, and
 * leave no account but the outside world below zero; a second write with the same key returns the first
 * transaction and changes nothing.
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

    /** Records the transfer, or finds it already recorded under its key; returns the transaction's id. */
    public long record(Handle h, Transfer transfer) {
        var ledger = h.attach(LedgerDao.class);
        var done = ledger.transactionWithKey(transfer.key());
        if (done.isPresent()) return done.get();
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
        long id = ledger.insertTransaction(transfer.key(), transfer.description(), transfer.cause().type(), transfer.cause().id(),
                transfer.feeRateBp(), transfer.recordedBy(), clock.instant());
        ledger.insertPostings(id, accounts, amounts);
        for (int changed : ledger.addToBalances(accounts, amounts)) {
            if (changed != 1) throw new ArithmeticException("a balance would pass the range of a long");
        }
        return id;
    }

    public long balance(Handle h, Account account) {
        return h.attach(LedgerDao.class).balance(account).orElse(0L);
    }

    public boolean recorded(Handle h, String key) {
        return h.attach(LedgerDao.class).transactionWithKey(key).isPresent();
    }

    public Paged<LedgerLine> lines(Handle h, Account account, int page, int pageSize) {
        var ledger = h.attach(LedgerDao.class);
        return new Paged<>(ledger.lines(account, pageSize, Paged.offset(page, pageSize)), page, ledger.lineCount(account), pageSize);
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
