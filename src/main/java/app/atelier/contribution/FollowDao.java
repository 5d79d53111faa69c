package app.atelier.contribution;

import java.time.Instant;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

public interface FollowDao {
    @SqlUpdate("INSERT INTO follow (contribution_id, member_id, created_at) VALUES (:contributionId, :memberId, :now) ON CONFLICT DO NOTHING")
    void follow(@Bind("contributionId") long contributionId, @Bind("memberId") long memberId, @Bind("now") Instant now);

    @SqlUpdate("DELETE FROM follow WHERE contribution_id = :contributionId AND member_id = :memberId")
    void unfollow(@Bind("contributionId") long contributionId, @Bind("memberId") long memberId);

    @SqlQuery("SELECT count(*) > 0 FROM follow WHERE contribution_id = :contributionId AND member_id = :memberId")
    boolean follows(@Bind("contributionId") long contributionId, @Bind("memberId") long memberId);

    @SqlQuery("SELECT member_id FROM follow WHERE contribution_id = :contributionId")
    java.util.List<Long> followers(@Bind("contributionId") long contributionId);

    @SqlUpdate("DELETE FROM follow WHERE contribution_id = :contributionId")
    void clear(@Bind("contributionId") long contributionId);
}
