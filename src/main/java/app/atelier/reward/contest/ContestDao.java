package app.atelier.reward.contest;

import java.util.List;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

@RegisterConstructorMapper(Award.class)
@RegisterConstructorMapper(Candidate.class)
interface ContestDao {
    /** The challenge's visible contributions, the community's favourites first: the list the manager picks winners from. */
    @SqlQuery("""
            SELECT k.id, k.title, k.author_id, m.name AS author_name, k.vote_count FROM contribution k JOIN member m ON m.id = k.author_id
            WHERE k.challenge_id = :challengeId AND k.hidden = 0 AND k.status <> 'DUPLICATE' ORDER BY k.vote_count DESC, k.id""")
    List<Candidate> candidates(long challengeId);

    @SqlUpdate("""
            INSERT INTO reward_award (challenge_id, place, contribution_id, member_id, amount, transaction_id)
            VALUES (:challengeId, :place, :contributionId, :memberId, :amount, :transactionId)""")
    void award(long challengeId, int place, long contributionId, long memberId, long amount, long transactionId);

    @SqlQuery("""
            SELECT a.place, a.contribution_id, k.title, a.member_id, m.name AS member_name, a.amount
            FROM reward_award a JOIN contribution k ON k.id = a.contribution_id JOIN member m ON m.id = a.member_id
            WHERE a.challenge_id = :challengeId ORDER BY a.place = 0, a.place, k.id""")
    List<Award> awards(long challengeId);
}
