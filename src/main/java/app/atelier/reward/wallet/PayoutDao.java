package app.atelier.reward.wallet;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.statement.GetGeneratedKeys;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

@RegisterConstructorMapper(Payout.class)
@RegisterConstructorMapper(PayoutBatch.class)
interface PayoutDao {
    String COLUMNS = """
            p.id, p.member_id, m.name AS member_name, p.amount, p.currency, p.requested_at, p.paid_at, p.reference, p.batch_id,
            (SELECT b.created_at FROM payout_batch b WHERE b.id = p.batch_id) AS sent_at, p.returned_at, p.return_reason""";

    @SqlUpdate("""
            INSERT INTO payout_request (member_id, amount, currency, requested_at) VALUES (:memberId, :amount, :currency, :now)
            ON CONFLICT DO NOTHING""")
    int request(long memberId, long amount, String currency, Instant now);

    @SqlQuery("SELECT " + COLUMNS + " FROM payout_request p JOIN member m ON m.id = p.member_id WHERE p.member_id = :memberId AND p.paid_at IS NULL")
    Optional<Payout> open(long memberId);

    @SqlQuery("SELECT " + COLUMNS + " FROM payout_request p JOIN member m ON m.id = p.member_id WHERE p.paid_at IS NULL ORDER BY p.id")
    List<Payout> allOpen();

    @SqlQuery("SELECT " + COLUMNS + " FROM payout_request p JOIN member m ON m.id = p.member_id WHERE p.id = :id")
    Optional<Payout> find(long id);

    @SqlUpdate("UPDATE payout_request SET paid_at = :now, reference = :reference, transaction_id = :transactionId WHERE id = :id AND paid_at IS NULL")
    int markPaid(long id, String reference, long transactionId, Instant now);

    @SqlQuery("SELECT " + COLUMNS + " FROM payout_request p JOIN member m ON m.id = p.member_id WHERE p.member_id = :memberId ORDER BY p.id DESC LIMIT 20")
    List<Payout> mine(long memberId);

    @SqlQuery("SELECT " + COLUMNS + " FROM payout_request p JOIN member m ON m.id = p.member_id WHERE p.batch_id = :batchId ORDER BY p.id")
    List<Payout> inBatch(long batchId);

    @SqlUpdate("INSERT INTO payout_batch (message_id, created_at, created_by, payouts, total, file) VALUES (:messageId, :now, :by, :payouts, :total, '')")
    @GetGeneratedKeys("id")
    long newBatch(String messageId, Instant now, long by, int payouts, long total);

    @SqlUpdate("UPDATE payout_batch SET message_id = :messageId, file = :file WHERE id = :id")
    void fileBatch(long id, String messageId, String file);

    @SqlUpdate("UPDATE payout_request SET batch_id = :batchId WHERE id = :id AND batch_id IS NULL AND paid_at IS NULL")
    int send(long id, long batchId);

    @SqlQuery("SELECT id, message_id, created_at, payouts, total, file, confirmed_at FROM payout_batch WHERE id = :id")
    Optional<PayoutBatch> batch(long id);

    @SqlQuery("SELECT id, message_id, created_at, payouts, total, '' AS file, confirmed_at FROM payout_batch ORDER BY id DESC LIMIT 20")
    List<PayoutBatch> batches();

    @SqlUpdate("UPDATE payout_batch SET confirmed_at = :now WHERE id = :id AND confirmed_at IS NULL")
    int confirm(long id, Instant now);

    @SqlUpdate("UPDATE payout_request SET returned_at = :now, return_reason = :reason WHERE id = :id AND returned_at IS NULL")
    int returned(long id, String reason, Instant now);
}
