package app.atelier.ledger;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.statement.GetGeneratedKeys;
import org.jdbi.v3.sqlobject.statement.SqlBatch;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

@RegisterConstructorMapper(LedgerLine.class)
@RegisterConstructorMapper(LedgerCheck.Disagreement.class)
@RegisterConstructorMapper(LedgerCheck.Unbalanced.class)
interface LedgerDao {
    @SqlBatch("INSERT INTO ledger_account (kind, owner_id, currency) VALUES (:kind, :ownerId, :currency) ON CONFLICT DO NOTHING")
    void open(@BindMethods List<Account> accounts);

    @SqlQuery("SELECT balance FROM ledger_account WHERE kind = :kind AND owner_id = :ownerId AND currency = :currency")
    Optional<Long> balance(@BindMethods Account account);

    @SqlQuery("SELECT id FROM ledger_transaction WHERE idempotency_key = :key")
    Optional<Long> transactionWithKey(String key);

    @SqlUpdate("""
            INSERT INTO ledger_transaction (idempotency_key, description, cause_type, cause_id, fee_rate_bp, recorded_by, created_at)
            VALUES (:key, :description, :causeType, :causeId, :feeRateBp, :recordedBy, :now)""")
    @GetGeneratedKeys("id")
    long insertTransaction(String key, String description, String causeType, long causeId, Integer feeRateBp, Long recordedBy, Instant now);

    @SqlBatch("""
            INSERT INTO ledger_posting (transaction_id, account_id, amount)
            SELECT :transactionId, id, :amount FROM ledger_account WHERE kind = :kind AND owner_id = :ownerId AND currency = :currency""")
    void insertPostings(long transactionId, @BindMethods List<Account> accounts, @Bind("amount") List<Long> amounts);

    /**
     * Adds each amount to its account's balance unless that would pass a long's range (SQLite would turn the sum
     * into a float): such a row is not changed, and its count is 0.
     */
    @SqlBatch("""
            UPDATE ledger_account SET balance = balance + :amount
            WHERE kind = :kind AND owner_id = :ownerId AND currency = :currency
            AND (:amount <= 0 OR balance <= 9223372036854775807 - :amount) AND (:amount >= 0 OR balance >= -9223372036854775807 - :amount)""")
    int[] addToBalances(@BindMethods List<Account> accounts, @Bind("amount") List<Long> amounts);

    /** An account's transactions, newest first, each with what it did to this account. */
    @SqlQuery("""
            SELECT t.id, t.description, t.cause_type, t.cause_id, t.fee_rate_bp, t.created_at, p.amount
            FROM ledger_posting p JOIN ledger_transaction t ON t.id = p.transaction_id
            WHERE p.account_id = (SELECT id FROM ledger_account WHERE kind = :kind AND owner_id = :ownerId AND currency = :currency)
            ORDER BY t.id DESC LIMIT :limit OFFSET :offset""")
    List<LedgerLine> lines(@BindMethods Account account, int limit, long offset);

    @SqlQuery("""
            SELECT count(*) FROM ledger_posting
            WHERE account_id = (SELECT id FROM ledger_account WHERE kind = :kind AND owner_id = :ownerId AND currency = :currency)""")
    long lineCount(@BindMethods Account account);

    /** Accounts whose kept balance is not the sum of their postings. */
    @SqlQuery("""
            SELECT a.kind, a.owner_id, a.currency, a.balance AS kept, coalesce(sum(p.amount), 0) AS summed
            FROM ledger_account a LEFT JOIN ledger_posting p ON p.account_id = a.id
            GROUP BY a.id HAVING a.balance <> coalesce(sum(p.amount), 0) OR (a.kind <> 'WORLD' AND coalesce(sum(p.amount), 0) < 0)""")
    List<LedgerCheck.Disagreement> disagreements();

    @SqlQuery("""
            SELECT transaction_id, sum(amount) AS total, count(*) AS postings FROM ledger_posting
            GROUP BY transaction_id HAVING sum(amount) <> 0 OR count(*) < 2""")
    List<LedgerCheck.Unbalanced> unbalanced();

    @SqlQuery("SELECT count(*) FROM ledger_transaction")
    long transactionCount();

    @SqlQuery("SELECT count(*) FROM ledger_account")
    long accountCount();
}
