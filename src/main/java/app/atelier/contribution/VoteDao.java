package app.atelier.contribution;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.jdbi.v3.sqlobject.customizer.BindList;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

interface VoteDao {
    /** @return 1 when the vote is new, 0 when the member had already voted */
    @SqlUpdate("INSERT INTO vote (contribution_id, member_id, created_at) VALUES (:contributionId, :memberId, :now) ON CONFLICT DO NOTHING")
    int insert(long contributionId, long memberId, Instant now);

    /** @return 1 when a vote was taken back, 0 when there was none */
    @SqlUpdate("DELETE FROM vote WHERE contribution_id = :contributionId AND member_id = :memberId")
    int delete(long contributionId, long memberId);

    @SqlQuery("SELECT contribution_id FROM vote WHERE member_id = :memberId AND contribution_id IN (<ids>)")
    Set<Long> votedAmong(long memberId, @BindList(value = "ids", onEmpty = BindList.EmptyHandling.NULL_STRING) List<Long> ids);

    @SqlQuery("SELECT count(*) FROM vote WHERE contribution_id = :contributionId")
    long count(long contributionId);

    /** Votes for a merged duplicate count for the original, once per member, never the original author's own. */
    @SqlUpdate("""
            INSERT INTO vote (contribution_id, member_id, created_at)
            SELECT :to, member_id, created_at FROM vote WHERE contribution_id = :from AND member_id <> :exceptMember
            ON CONFLICT DO NOTHING""")
    void move(long from, long to, long exceptMember);

    @SqlUpdate("DELETE FROM vote WHERE contribution_id = :contributionId")
    void clear(long contributionId);

    /** The votes a member has given in one challenge, for its vote budget. */
    @SqlQuery("""
            SELECT count(*) FROM vote v JOIN contribution k ON k.id = v.contribution_id
            WHERE v.member_id = :memberId AND k.challenge_id = :challengeId""")
    long usedIn(long challengeId, long memberId);
}
