package app.atelier.contribution;

import java.time.Instant;
import java.util.List;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

interface FollowDao {
    @SqlUpdate("INSERT INTO follow (contribution_id, member_id, created_at) VALUES (:contributionId, :memberId, :now) ON CONFLICT DO NOTHING")
    void follow(long contributionId, long memberId, Instant now);

    @SqlUpdate("DELETE FROM follow WHERE contribution_id = :contributionId AND member_id = :memberId")
    void unfollow(long contributionId, long memberId);

    @SqlQuery("SELECT count(*) > 0 FROM follow WHERE contribution_id = :contributionId AND member_id = :memberId")
    boolean follows(long contributionId, long memberId);

    @SqlQuery("SELECT member_id FROM follow WHERE contribution_id = :contributionId")
    List<Long> followers(long contributionId);

    @SqlUpdate("DELETE FROM follow WHERE contribution_id = :contributionId")
    void clear(long contributionId);
}
