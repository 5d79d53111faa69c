package app.atelier.contribution;

import app.atelier.challenge.ChallengeState;
import app.atelier.challenge.ContributionKind;
import app.atelier.challenge.Visibility;
import app.atelier.db.Columns;
import app.atelier.db.FullText;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.result.ResultIterable;
import org.jdbi.v3.core.statement.StatementContext;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.config.RegisterRowMapper;
import org.jdbi.v3.sqlobject.customizer.AllowUnusedBindings;
import org.jdbi.v3.sqlobject.customizer.BindList;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.customizer.Define;
import org.jdbi.v3.sqlobject.statement.GetGeneratedKeys;
import org.jdbi.v3.sqlobject.statement.SqlBatch;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

@RegisterConstructorMapper(Contribution.class)
@RegisterRowMapper(ContributionDao.SummaryRows.class)
interface ContributionDao {
    /** The rows of every list of contributions, read without reflection. */
    class SummaryRows implements RowMapper<ContributionSummary> {
        @Override
        public ContributionSummary map(ResultSet rs, StatementContext ctx) throws SQLException {
            return new ContributionSummary(rs.getLong("id"), rs.getLong("challenge_id"), rs.getString("challenge_title"), rs.getString("title"),
                    rs.getString("excerpt"), rs.getLong("author_id"), rs.getString("author_name"), Columns.choice(rs, "kind", ContributionKind.class),
                    Columns.choice(rs, "status", ContributionStatus.class), rs.getLong("vote_count"), rs.getLong("comment_count"),
                    Columns.instant(rs, "created_at"), rs.getString("latest_response"), rs.getBoolean("hidden"), rs.getDouble("trending"),
                    rs.getLong("shuffle_key"));
        }
    }

    String SUMMARY = """
            SELECT k.id, k.challenge_id, c.title AS challenge_title, k.title, coalesce(k.excerpt, substr(k.body, 1, 240)) AS excerpt,
                   k.author_id, m.name AS author_name, k.kind, k.status, k.vote_count, k.comment_count, k.created_at,
                   substr(k.latest_response, 1, 240) AS latest_response, k.hidden, k.trending, k.shuffle_key
            FROM contribution k JOIN member m ON m.id = k.author_id JOIN challenge c ON c.id = k.challenge_id""";

    @SqlUpdate("""
            INSERT INTO contribution (challenge_id, author_id, kind, title, body, excerpt, rating, trending, shuffle_key, created_at, updated_at)
            VALUES (:challengeId, :authorId, :kind, :title, :body, :excerpt, :rating, :trending, :shuffleKey, :now, :now)""")
    @GetGeneratedKeys("id")
    long insert(long challengeId, long authorId, ContributionKind kind,
                String title, String body, String excerpt, Integer rating, double trending, long shuffleKey, Instant now);

    @SqlUpdate("""
            UPDATE contribution SET kind = :kind, title = :title, body = :body, excerpt = :excerpt, rating = :rating, updated_at = :now
            WHERE id = :id""")
    void update(long id, ContributionKind kind, String title, String excerpt,
                String body, Integer rating, Instant now);

    @SqlQuery("""
            SELECT k.id, k.challenge_id, k.author_id, m.name AS author_name, k.kind, k.title, k.body, k.status,
                   k.vote_count, k.comment_count, k.created_at, k.updated_at, k.duplicate_of, o.title AS duplicate_of_title,
                   k.hidden, k.hidden_reason, k.rating, k.helpful_by
            FROM contribution k JOIN member m ON m.id = k.author_id LEFT JOIN contribution o ON o.id = k.duplicate_of
            WHERE k.id = :id""")
    Optional<Contribution> find(long id);

    /**
     * The values one read of a challenge's contributions binds: up to {@code limit} after the cursor ({@code key},
     * {@code id}) among those whose shuffle place is between {@code low} and {@code high}, and the status or the
     * author the clause {@code only} may narrow them to.
     */
    record Window(long challengeId, ContributionStatus status, long authorId, double key, long id, long low, long high, int limit) {
    }

    /**
     * The contributions of a challenge after a cursor, in one {@link Sort}'s order; {@code only} narrows them to a
     * status or an author, and with {@code after} and {@code order} it is one of our clauses, never user input.
     */
    @SqlQuery(SUMMARY + " WHERE k.challenge_id = :challengeId <only> AND <after> ORDER BY <order> LIMIT :limit")
    @AllowUnusedBindings
    List<ContributionSummary> page(@Define("only") String only, @Define("after") String after, @Define("order") String order, @BindMethods Window window);

    @SqlUpdate("UPDATE contribution SET status = :status, latest_response = :response, duplicate_of = :duplicateOf WHERE id = :id")
    void respond(long id, ContributionStatus status, String response,
                 Long duplicateOf);

    /** Counts the votes again from the votes themselves, after a merge moved some. */
    @SqlUpdate("UPDATE contribution SET vote_count = (SELECT count(*) FROM vote WHERE contribution_id = :id), trending = :trending WHERE id = :id")
    void recountVotes(long id, double trending);

    /**
     * A challenge's visible contributions whose words are like those typed, the likest first; {@code only} is
     * empty or narrows them to one author, our own clause.
     */
    @SqlQuery(SUMMARY + """
             JOIN (SELECT k.id AS found_id, <contributionRank> AS rank FROM <contributionFound>
                   WHERE <contributionMatches> AND k.challenge_id = :challengeId) f ON f.found_id = k.id
            WHERE k.hidden = 0 <only>
            ORDER BY f.rank LIMIT :limit""")
    @AllowUnusedBindings
    List<ContributionSummary> like(long challengeId, FullText.Match match, @Define("only") String only, long authorId, int limit);

    /** What a decided challenge took up: its accepted contributions and further, the most voted first. */
    @SqlQuery(SUMMARY + """
             WHERE k.challenge_id = :challengeId AND k.hidden = 0 AND k.status IN (<taken>)
            ORDER BY k.vote_count DESC, k.id LIMIT :limit""")
    List<ContributionSummary> taken(long challengeId, @BindList("taken") Set<ContributionStatus> taken, int limit);

    /** What a contribution may be merged into: the challenge's others still standing, whose title matches the pattern. */
    @SqlQuery(SUMMARY + """
             WHERE k.challenge_id = :challengeId AND k.id <> :except AND k.status <> 'DUPLICATE' AND k.hidden = 0
               AND lower(k.title) LIKE :pattern ESCAPE '\\'
            ORDER BY k.vote_count DESC, k.id LIMIT :limit""")
    List<ContributionSummary> originals(long challengeId, long except, String pattern, int limit);

    /** What an organisation took up in its challenges of these visibilities, newest first, before a contribution. */
    @SqlQuery(SUMMARY + """
             WHERE c.organisation_id = :organisationId AND k.hidden = 0 AND k.status IN (<taken>)
               AND c.visibility IN (<visibilities>) AND k.id < :before
            ORDER BY k.id DESC LIMIT :limit""")
    List<ContributionSummary> takenBy(long organisationId, @BindList("visibilities") Set<Visibility> visibilities,
                                      @BindList("taken") Set<ContributionStatus> taken, long before, int limit);

    @SqlQuery(SUMMARY + " WHERE k.author_id = :authorId AND c.state <> 'DRAFT' ORDER BY k.id DESC LIMIT :limit")
    List<ContributionSummary> byAuthor(long authorId, int limit);

    /** A row of a challenge's contributions in a spreadsheet. */
    record ExportRow(long id, String title, ContributionKind kind, ContributionStatus status, long voteCount, long commentCount,
                     String authorName, Instant createdAt, boolean hidden) {
    }

    /** A challenge's contributions, oldest first, read row by row as they are written out. */
    @SqlQuery("""
            SELECT k.id, k.title, k.kind, k.status, k.vote_count, k.comment_count, m.name AS author_name, k.created_at, k.hidden
            FROM contribution k JOIN member m ON m.id = k.author_id WHERE k.challenge_id = :challengeId ORDER BY k.id""")
    @RegisterConstructorMapper(ExportRow.class)
    ResultIterable<ExportRow> export(long challengeId);

    /**
     * Contributions written before excerpts were kept, after an id, in id order, with the text of their latest
     * official response when lists show one.
     */
    @SqlQuery("""
            SELECT k.id, k.body, CASE WHEN k.latest_response = '' THEN '' ELSE
                (SELECT r.body FROM official_response r WHERE r.contribution_id = k.id ORDER BY r.id DESC LIMIT 1) END AS response
            FROM contribution k WHERE k.id > :after AND k.excerpt IS NULL ORDER BY k.id LIMIT :limit""")
    @RegisterConstructorMapper(Unexcerpted.class)
    List<Unexcerpted> withoutExcerpt(long after, int limit);

    record Unexcerpted(long id, String body, String response) {
    }

    @SqlBatch("UPDATE contribution SET excerpt = :excerpt, latest_response = :response WHERE id = :id")
    void setExcerpts(List<Long> id, List<String> excerpt, List<String> response);

    @SqlQuery("SELECT c.state FROM challenge c JOIN contribution k ON k.challenge_id = c.id WHERE k.id = :id")
    ChallengeState challengeState(long id);

    @SqlUpdate("UPDATE contribution SET vote_count = vote_count + :delta, trending = :trending WHERE id = :id")
    void countVote(long id, int delta, double trending);

    @SqlUpdate("UPDATE contribution SET comment_count = comment_count + :delta WHERE id = :id")
    void countComment(long id, int delta);
}
