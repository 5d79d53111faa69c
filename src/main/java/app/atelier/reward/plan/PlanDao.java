package app.atelier.reward.plan;

import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.statement.SqlBatch;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** A challenge's plan as stored: its prize table, royalty rate, reflection terms and the fee frozen as it opened; and its organisation's currency. */
@RegisterConstructorMapper(PlanDao.Mentions.class)
public interface PlanDao {
    record Mentions(int mentions, long mentionAmount, int royaltyBp, Integer reflectionDays, Long suggestedLow, Long suggestedHigh) {
    }

    /** The organisation's currency, or null when there is no such organisation. */
    @SqlQuery("SELECT currency FROM organisation WHERE id = :organisationId")
    String currency(long organisationId);

    @SqlQuery("SELECT amount FROM reward_prize WHERE challenge_id = :challengeId ORDER BY rank")
    List<Long> prizes(long challengeId);

    @SqlQuery("SELECT mentions, mention_amount, royalty_bp, reflection_days, suggested_low, suggested_high FROM reward_plan WHERE challenge_id = :challengeId")
    Optional<Mentions> mentions(long challengeId);

    /** Most challenges have no reward plan: their page then reads one row that is not there, and no prizes. */
    default PlanTerms terms(long challengeId) {
        return mentions(challengeId)
                .map(plan -> new PlanTerms(new PrizeTable(prizes(challengeId), plan.mentions(), plan.mentionAmount()), plan.royaltyBp(),
                        PlanTerms.Reflection.of(plan.reflectionDays(), plan.suggestedLow(), plan.suggestedHigh())))
                .orElse(new PlanTerms(PrizeTable.NONE, 0, PlanTerms.Reflection.NONE));
    }

    default PrizeTable prizeTable(long challengeId) {
        return terms(challengeId).prizes();
    }

    /** The plan is published as its challenge opens: the fee rate in force then is the one it pays after reflection with. */
    @SqlUpdate("UPDATE reward_plan SET fee_rate_bp = :rateBp WHERE challenge_id = :challengeId AND fee_rate_bp IS NULL")
    void freezeFee(long challengeId, int rateBp);

    @SqlQuery("SELECT fee_rate_bp FROM reward_plan WHERE challenge_id = :challengeId")
    Optional<Integer> frozenFee(long challengeId);

    @SqlUpdate("DELETE FROM reward_prize WHERE challenge_id = :challengeId")
    void clearPrizes(long challengeId);

    @SqlBatch("INSERT INTO reward_prize (challenge_id, rank, amount) VALUES (:challengeId, :rank, :amount)")
    void insertPrizes(long challengeId, List<Integer> rank, List<Long> amount);

    @SqlUpdate("""
            INSERT INTO reward_plan (challenge_id, mentions, mention_amount, royalty_bp, reflection_days, suggested_low, suggested_high)
            VALUES (:challengeId, :mentions, :mentionAmount, :royaltyBp, :days, :low, :high)
            ON CONFLICT (challenge_id) DO UPDATE SET mentions = excluded.mentions, mention_amount = excluded.mention_amount, royalty_bp = excluded.royalty_bp,
                reflection_days = excluded.reflection_days, suggested_low = excluded.suggested_low, suggested_high = excluded.suggested_high""")
    void putPlan(long challengeId, int mentions, long mentionAmount, int royaltyBp, Integer days, Long low, Long high);

    default void save(long challengeId, PlanTerms terms) {
        var table = terms.prizes();
        clearPrizes(challengeId);
        var ranks = IntStream.rangeClosed(1, table.prizes().size()).boxed().toList();
        insertPrizes(challengeId, ranks, table.prizes());
        var reflection = terms.reflection();
        putPlan(challengeId, table.mentions(), table.mentionAmount(), terms.royaltyBp(), reflection.promised() ? reflection.days() : null,
                reflection.low(), reflection.high());
    }
}
