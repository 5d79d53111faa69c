package app.atelier.reward.wallet;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

@RegisterConstructorMapper(Payout.class)
interface PayoutDao {
    String COLUMNS = "p.id, p.member_id, m.name AS member_name, p.amount, p.currency, p.requested_at, p.paid_at, p.reference";

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
}
