package app.atelier.contribution;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.BindList;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

@RegisterConstructorMapper(OfficialResponse.class)
interface ResponseDao {
    @SqlUpdate("INSERT INTO official_response (contribution_id, author_id, status, body, created_at) VALUES (:contributionId, :authorId, :status, :body, :now)")
    void insert(long contributionId, long authorId, ContributionStatus status,
                String body, Instant now);

    /** A response the platform writes by itself, in the name of the challenge's creator; its body is the vote count. */
    @SqlUpdate("""
            INSERT INTO official_response (contribution_id, author_id, status, body, created_at, automatic)
            SELECT :contributionId, created_by, :status, :body, :now, 1 FROM challenge WHERE id = :challengeId""")
    void insertAutomatic(long contributionId, long challengeId,
                         ContributionStatus status, String body, Instant now);

    @SqlQuery("""
            SELECT r.id, r.contribution_id, m.name AS author_name, r.status, r.body, r.created_at, r.automatic
            FROM official_response r JOIN member m ON m.id = r.author_id WHERE r.contribution_id = :contributionId ORDER BY r.id DESC""")
    List<OfficialResponse> ofContribution(long contributionId);

    /** The responses that took these contributions up and followed them on, oldest first. */
    @SqlQuery("""
            SELECT r.id, r.contribution_id, m.name AS author_name, r.status, r.body, r.created_at, r.automatic
            FROM official_response r JOIN member m ON m.id = r.author_id
            WHERE r.contribution_id IN (<ids>) AND r.status IN (<taken>) ORDER BY r.id""")
    List<OfficialResponse> steps(@BindList("ids") List<Long> ids, @BindList("taken") Set<ContributionStatus> taken);
}
