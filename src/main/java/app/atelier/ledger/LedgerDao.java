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
@RegisterConstructorMapper(Cause.class)
@RegisterConstructorMapper(LedgerDao.Posting.class)
@RegisterConstructorMapper(LedgerCheck.Disagreement.class)
@RegisterConstructorMapper(LedgerCheck.Unbalanced.class)
interface LedgerDao {
    @SqlBatch("INSERT INTO ledger_account (kind, owner_id, currency) VALUES (:kind, :ownerId, :currency) ON CONFLICT DO NOTHING")
    void open(@BindMethods List<Account> accounts);

    /** Marks a hold's account as the organisation's money, held. */
    @SqlUpdate("UPDATE ledger_account SET held_for = :organisationId WHERE kind = :kind AND owner_id = :ownerId AND currency = :currency AND held_for IS NULL")
    void holdFor(@BindMethods Account account, long organisationId);

    /** What the organisation's holds have now, together. */
    @SqlQuery("SELECT coalesce(sum(balance), 0) FROM ledger_account WHERE held_for = :organisationId AND currency = :currency")
    long heldFor(long organisationId, String currency);

    @SqlQuery("SELECT balance FROM ledger_account WHERE kind = :kind AND owner_id = :ownerId AND currency = :currency")
    Optional<Long> balance(@BindMethods Account account);

    @SqlQuery("SELECT id FROM ledger_transaction WHERE idempotency_key = :key")
    Optional<Long> transactionWithKey(String key);

    @SqlUpdate("""
            INSERT INTO ledger_transaction (idempotency_key, event, description, cause_type, cause_id, fee_rate_bp, recorded_by, created_at)
            VALUES (:key, :event, :subject, :causeType, :causeId, :feeRateBp, :recordedBy, :now)""")
    @GetGeneratedKeys("id")
    long insertTransaction(String key, Event event, String subject, String causeType, long causeId, Integer feeRateBp, Long recordedBy, Instant now);

    @SqlQuery("SELECT cause_type AS type, cause_id AS id FROM ledger_transaction WHERE id = :id")
    Cause recorded(long id);

    /** One posting as stored, with its account. */
    record Posting(AccountKind kind, long ownerId, String currency, long amount) {
        Account account() {
            return new Account(kind, ownerId, currency);
        }
    }

    @SqlQuery("SELECT a.kind, a.owner_id, a.currency, p.amount FROM ledger_posting p JOIN ledger_account a ON a.id = p.account_id WHERE p.transaction_id = :id")
    List<Posting> postingsOf(long id);

    @SqlBatch("""
            INSERT INTO ledger_posting (transaction_id, account_id, amount, gross)
            SELECT :transactionId, id, :amount, :gross FROM ledger_account WHERE kind = :kind AND owner_id = :ownerId AND currency = :currency""")
    void insertPostings(long transactionId, @BindMethods List<Account> accounts, @Bind("amount") List<Long> amounts, @Bind("gross") List<Long> gross);

    /**
     * Adds each amount to its account's balance unless that would pass a long's range (SQLite would turn the sum
     * into a float): such a row is not changed, and its count is 0.
     */
    @SqlBatch("""
            UPDATE ledger_account SET balance = balance + :amount
            WHERE kind = :kind AND owner_id = :ownerId AND currency = :currency
            AND (:amount <= 0 OR balance <= 9223372036854775807 - :amount) AND (:amount >= 0 OR balance >= -9223372036854775807 - :amount)""")
    int[] addToBalances(@BindMethods List<Account> accounts, @Bind("amount") List<Long> amounts);

    String LINES = """
            SELECT * FROM (
                SELECT t.id, t.event, t.description AS subject, t.cause_type, t.cause_id, t.fee_rate_bp, t.created_at, p.amount,
                       coalesce(p.gross, p.amount) AS gross, sum(p.amount) OVER (ORDER BY t.id) AS balance_after
                FROM ledger_posting p JOIN ledger_transaction t ON t.id = p.transaction_id
                WHERE p.account_id = (SELECT id FROM ledger_account WHERE kind = :kind AND owner_id = :ownerId AND currency = :currency)) line
            """;

    /** An account's transactions, newest first, each with what it did to this account and the balance it left. */
    @SqlQuery(LINES + " ORDER BY id DESC LIMIT :limit OFFSET :offset")
    List<LedgerLine> lines(@BindMethods Account account, int limit, long offset);

    /** An account's transactions from {@code from} (included) to {@code to} (excluded), oldest first. */
    @SqlQuery(LINES + " WHERE created_at >= :from AND created_at < :to ORDER BY id")
    List<LedgerLine> between(@BindMethods Account account, Instant from, Instant to);

    /** The account's balance just before the instant. */
    @SqlQuery("""
            SELECT coalesce(sum(p.amount), 0) FROM ledger_posting p JOIN ledger_transaction t ON t.id = p.transaction_id
            WHERE p.account_id = (SELECT id FROM ledger_account WHERE kind = :kind AND owner_id = :ownerId AND currency = :currency) AND t.created_at < :at""")
    long balanceBefore(@BindMethods Account account, Instant at);

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

    /** Transactions whose postings do not sum to zero, and those with fewer than two postings, none included. */
    @SqlQuery("""
            SELECT t.id AS transaction_id, coalesce(sum(p.amount), 0) AS total, count(p.id) AS postings, min(a.currency) AS currency
            FROM ledger_transaction t LEFT JOIN ledger_posting p ON p.transaction_id = t.id LEFT JOIN ledger_account a ON a.id = p.account_id
            GROUP BY t.id HAVING coalesce(sum(p.amount), 0) <> 0 OR count(p.id) < 2""")
    List<LedgerCheck.Unbalanced> unbalanced();

    @SqlQuery("SELECT count(*) FROM ledger_transaction")
    long transactionCount();

    @SqlQuery("SELECT count(*) FROM ledger_account")
    long accountCount();
}
