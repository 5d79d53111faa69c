package app.atelier.contribution;

import app.atelier.challenge.ContributionKind;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Define;
import org.jdbi.v3.sqlobject.statement.GetGeneratedKeys;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

@RegisterConstructorMapper(Contribution.class)
@RegisterConstructorMapper(ContributionSummary.class)
interface ContributionDao {
    String SUMMARY = """
            SELECT k.id, k.challenge_id, c.title AS challenge_title, k.title, substr(k.body, 1, 240) AS excerpt,
                   k.author_id, m.name AS author_name, k.kind, k.status, k.vote_count, k.comment_count, k.created_at,
                   substr(k.latest_response, 1, 240) AS latest_response, k.hidden
            FROM contribution k JOIN member m ON m.id = k.author_id JOIN challenge c ON c.id = k.challenge_id""";

    @SqlUpdate("""
            INSERT INTO contribution (challenge_id, author_id, kind, title, body, trending, created_at, updated_at)
            VALUES (:challengeId, :authorId, :kind, :title, :body, :trending, :now, :now)""")
    @GetGeneratedKeys("id")
    long insert(long challengeId, long authorId, ContributionKind kind,
                String title, String body, double trending, Instant now);

    @SqlUpdate("UPDATE contribution SET kind = :kind, title = :title, body = :body, updated_at = :now WHERE id = :id")
    void update(long id, ContributionKind kind, String title,
                String body, Instant now);

    @SqlQuery("""
            SELECT k.id, k.challenge_id, k.author_id, m.name AS author_name, k.kind, k.title, k.body, k.status,
                   k.vote_count, k.comment_count, k.created_at, k.updated_at, k.duplicate_of, o.title AS duplicate_of_title,
                   k.hidden, k.hidden_reason
            FROM contribution k JOIN member m ON m.id = k.author_id LEFT JOIN contribution o ON o.id = k.duplicate_of
            WHERE k.id = :id""")
    Optional<Contribution> find(long id);

    /** One page of a challenge's contributions; {@code order} is one of {@link Sort}'s clauses, never user input. */
    @SqlQuery(SUMMARY + " WHERE k.challenge_id = :challengeId ORDER BY <order> LIMIT :limit OFFSET :offset")
    List<ContributionSummary> page(long challengeId, @Define("order") String order,
                                   int limit, long offset);

    /** A confidential challenge's list as one contributor sees it: their own contributions only. */
    @SqlQuery(SUMMARY + " WHERE k.challenge_id = :challengeId AND k.author_id = :authorId ORDER BY <order> LIMIT :limit OFFSET :offset")
    List<ContributionSummary> pageOfAuthor(long challengeId, long authorId,
                                           @Define("order") String order, int limit, long offset);

    @SqlQuery("SELECT count(*) FROM contribution WHERE challenge_id = :challengeId AND author_id = :authorId")
    long countOfAuthor(long challengeId, long authorId);

    @SqlQuery(SUMMARY + " WHERE k.challenge_id = :challengeId AND k.status = :status ORDER BY <order> LIMIT :limit OFFSET :offset")
    List<ContributionSummary> pageWithStatus(long challengeId, ContributionStatus status,
                                             @Define("order") String order, int limit, long offset);

    @SqlQuery("SELECT count(*) FROM contribution WHERE challenge_id = :challengeId AND status = :status")
    long countWithStatus(long challengeId, ContributionStatus status);

    @SqlUpdate("UPDATE contribution SET status = :status, latest_response = :response, duplicate_of = :duplicateOf WHERE id = :id")
    void respond(long id, ContributionStatus status, String response,
                 Long duplicateOf);

    /** Counts the votes again from the votes themselves, after a merge moved some. */
    @SqlUpdate("UPDATE contribution SET vote_count = (SELECT count(*) FROM vote WHERE contribution_id = :id), trending = :trending WHERE id = :id")
    void recountVotes(long id, double trending);

    @SqlQuery(SUMMARY + " WHERE k.author_id = :authorId AND c.state <> 'DRAFT' ORDER BY k.id DESC LIMIT :limit")
    List<ContributionSummary> byAuthor(long authorId, int limit);

    @SqlUpdate("UPDATE contribution SET vote_count = vote_count + :delta, trending = :trending WHERE id = :id")
    void countVote(long id, int delta, double trending);

    @SqlUpdate("UPDATE contribution SET comment_count = comment_count + :delta WHERE id = :id")
    void countComment(long id, int delta);
}
