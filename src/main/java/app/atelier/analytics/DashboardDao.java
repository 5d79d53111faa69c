package app.atelier.analytics;

import java.util.List;
import java.util.Optional;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Define;
import org.jdbi.v3.sqlobject.statement.SqlQuery;

/**
 * The dashboards' counts, over one challenge or all of an organisation's: {@code scope} is one of
 * {@link Scope}'s clauses on the challenge {@code c}, never user input, and {@code :id} its challenge or
 * organisation.
 */
@RegisterConstructorMapper(DashboardDao.Count.class)
@RegisterConstructorMapper(DashboardDao.Contributor.class)
public interface DashboardDao {
    /** A number of things under a label: a week, a kind, a status, a stage. */
    record Count(String label, long count) {
    }

    record Contributor(long id, String name, long contributions, long votes) {
    }

    @SqlQuery("SELECT name FROM organisation WHERE id = :id")
    Optional<String> organisationName(long id);

    /**
     * Contributions by the week they were written, since a time (ms). A week is counted in whole weeks from Monday
     * 29 December 1969 (UTC): the same arithmetic on both databases, and {@link DashboardService#week} in Java.
     */
    @SqlQuery("""
            SELECT (k.created_at + 259200000) / 604800000 AS label, count(*) AS count
            FROM contribution k JOIN challenge c ON c.id = k.challenge_id
            WHERE <scope> AND k.created_at >= :since GROUP BY label""")
    List<Count> contributionsByWeek(@Define("scope") String scope, long id, long since);

    @SqlQuery("""
            SELECT (v.created_at + 259200000) / 604800000 AS label, count(*) AS count
            FROM vote v JOIN contribution k ON k.id = v.contribution_id JOIN challenge c ON c.id = k.challenge_id
            WHERE <scope> AND v.created_at >= :since GROUP BY label""")
    List<Count> votesByWeek(@Define("scope") String scope, long id, long since);

    @SqlQuery("SELECT k.kind AS label, count(*) AS count FROM contribution k JOIN challenge c ON c.id = k.challenge_id WHERE <scope> GROUP BY k.kind")
    List<Count> byKind(@Define("scope") String scope, long id);

    @SqlQuery("SELECT k.status AS label, count(*) AS count FROM contribution k JOIN challenge c ON c.id = k.challenge_id WHERE <scope> GROUP BY k.status")
    List<Count> byStatus(@Define("scope") String scope, long id);

    @SqlQuery("SELECT c.stage AS label, count(*) AS count FROM contribution k JOIN challenge c ON c.id = k.challenge_id WHERE <scope> GROUP BY c.stage")
    List<Count> byStage(@Define("scope") String scope, long id);

    @SqlQuery("""
            SELECT m.id, m.name, count(*) AS contributions, sum(k.vote_count) AS votes
            FROM contribution k JOIN challenge c ON c.id = k.challenge_id JOIN member m ON m.id = k.author_id
            WHERE <scope> GROUP BY m.id ORDER BY contributions DESC, votes DESC, m.id LIMIT :limit""")
    List<Contributor> mostActive(@Define("scope") String scope, long id, int limit);

    /** For each contribution that has one, how long (ms) it waited for its first official response, the shortest first. */
    @SqlQuery("""
            SELECT min(r.created_at) - k.created_at AS wait FROM contribution k JOIN challenge c ON c.id = k.challenge_id
            JOIN official_response r ON r.contribution_id = k.id AND r.automatic = 0
            WHERE <scope> GROUP BY k.id ORDER BY wait""")
    List<Long> waits(@Define("scope") String scope, long id);

    @SqlQuery("""
            SELECT count(*) FROM contribution k JOIN challenge c ON c.id = k.challenge_id
            WHERE <scope> AND NOT EXISTS (SELECT 1 FROM official_response r WHERE r.contribution_id = k.id AND r.automatic = 0)""")
    long unanswered(@Define("scope") String scope, long id);
}
