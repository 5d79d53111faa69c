package app.atelier.reward.royalty;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.statement.GetGeneratedKeys;
import org.jdbi.v3.sqlobject.statement.SqlBatch;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

@RegisterConstructorMapper(Share.class)
@RegisterConstructorMapper(Declaration.class)
@RegisterConstructorMapper(MyShare.class)
@RegisterConstructorMapper(RoyaltyDao.Holder.class)
interface RoyaltyDao {
    /** Everyone who contributed, with their accepted contributions and the weight set so far, in a stable order. */
    @SqlQuery("""
            SELECT k.author_id AS member_id, m.name AS member_name,
                   sum(CASE WHEN k.status IN ('ACCEPTED', 'IN_DEVELOPMENT', 'IMPLEMENTED') THEN 1 ELSE 0 END) AS accepted,
                   (SELECT s.weight FROM royalty_share s WHERE s.challenge_id = :challengeId AND s.member_id = k.author_id) AS weight
            FROM contribution k JOIN member m ON m.id = k.author_id
            WHERE k.challenge_id = :challengeId AND k.hidden = 0 AND k.status <> 'DUPLICATE'
            GROUP BY k.author_id, m.name ORDER BY k.author_id""")
    List<Share> contributors(long challengeId);

    record Holder(long memberId, long weight) {
    }

    /** The fixed shares that count: weights above zero, by member, the order in which a split gives its extra cents. */
    @SqlQuery("SELECT member_id, weight FROM royalty_share WHERE challenge_id = :challengeId AND weight > 0 ORDER BY member_id")
    List<Holder> holders(long challengeId);

    @SqlUpdate("DELETE FROM royalty_share WHERE challenge_id = :challengeId")
    void clearShares(long challengeId);

    @SqlBatch("INSERT INTO royalty_share (challenge_id, member_id, weight) VALUES (:challengeId, :memberId, :weight)")
    void putShares(long challengeId, List<Long> memberId, List<Long> weight);

    @SqlQuery("SELECT shares_fixed_at FROM reward_plan WHERE challenge_id = :challengeId")
    Optional<Instant> sharesFixedAt(long challengeId);

    @SqlUpdate("UPDATE reward_plan SET shares_fixed_at = :now WHERE challenge_id = :challengeId AND shares_fixed_at IS NULL")
    int fixShares(long challengeId, Instant now);

    @SqlQuery("SELECT period FROM royalty_declaration WHERE challenge_id = :challengeId")
    List<String> periods(long challengeId);

    @SqlQuery("SELECT decided_at FROM challenge WHERE id = :challengeId")
    Optional<Instant> decidedAt(long challengeId);

    @SqlUpdate("""
            INSERT INTO royalty_declaration (challenge_id, period, net_sales, royalty, transaction_id, declared_by, declared_at)
            VALUES (:challengeId, :period, :netSales, :royalty, :transactionId, :declaredBy, :now)""")
    @GetGeneratedKeys("id")
    long declare(long challengeId, String period, long netSales, long royalty, Long transactionId, long declaredBy, Instant now);

    /** Every declaration, newest period first, with what it paid into the member's earnings. */
    @SqlQuery("""
            SELECT d.id, d.period, d.net_sales, d.royalty, d.transaction_id, d.declared_at,
                   coalesce((SELECT p.amount FROM ledger_posting p JOIN ledger_account a ON a.id = p.account_id
                             WHERE p.transaction_id = d.transaction_id AND a.kind = 'EARNINGS' AND a.owner_id = :memberId), 0) AS your_part
            FROM royalty_declaration d WHERE d.challenge_id = :challengeId ORDER BY d.period DESC""")
    List<Declaration> declarations(long challengeId, long memberId);

    @SqlQuery("""
            SELECT s.challenge_id, c.title, s.weight, (SELECT sum(x.weight) FROM royalty_share x WHERE x.challenge_id = s.challenge_id) AS total,
                   p.shares_fixed_at IS NOT NULL AS fixed
            FROM royalty_share s JOIN challenge c ON c.id = s.challenge_id JOIN reward_plan p ON p.challenge_id = s.challenge_id
            WHERE s.member_id = :memberId AND s.weight > 0 ORDER BY s.challenge_id DESC""")
    List<MyShare> sharesOf(long memberId);
}
