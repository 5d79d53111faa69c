package app.atelier.moderation;

import app.atelier.contribution.ContributionStatus;
import java.time.Instant;
import java.util.List;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

@RegisterConstructorMapper(OfficialResponse.class)
public interface ResponseDao {
    @SqlUpdate("INSERT INTO official_response (contribution_id, author_id, status, body, created_at) VALUES (:contributionId, :authorId, :status, :body, :now)")
    void insert(@Bind("contributionId") long contributionId, @Bind("authorId") long authorId, @Bind("status") ContributionStatus status,
                @Bind("body") String body, @Bind("now") Instant now);

    @SqlQuery("""
            SELECT r.id, r.contribution_id, m.name AS author_name, r.status, r.body, r.created_at
            FROM official_response r JOIN member m ON m.id = r.author_id WHERE r.contribution_id = :contributionId ORDER BY r.id DESC""")
    List<OfficialResponse> ofContribution(@Bind("contributionId") long contributionId);
}
