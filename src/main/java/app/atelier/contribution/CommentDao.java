package app.atelier.contribution;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.statement.GetGeneratedKeys;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

@RegisterConstructorMapper(Comment.class)
public interface CommentDao {
    String SELECT = """
            SELECT c.id, c.contribution_id, c.author_id, m.name AS author_name, c.parent_id, c.body, c.deleted,
                   c.created_at, c.updated_at, c.hidden, c.hidden_reason, c.helpful_at
            FROM comment c JOIN member m ON m.id = c.author_id""";

    @SqlUpdate("""
            INSERT INTO comment (contribution_id, author_id, parent_id, body, created_at, updated_at)
            VALUES (:contributionId, :authorId, :parentId, :body, :now, :now)""")
    @GetGeneratedKeys("id")
    long insert(long contributionId, long authorId,
                Long parentId, String body, Instant now);

    @SqlQuery(SELECT + " WHERE c.id = :id")
    Optional<Comment> find(long id);

    @SqlQuery(SELECT + " WHERE c.contribution_id = :contributionId ORDER BY c.id")
    List<Comment> ofContribution(long contributionId);

    @SqlUpdate("UPDATE comment SET body = :body, updated_at = :now WHERE id = :id")
    void update(long id, String body, Instant now);

    @SqlQuery("SELECT count(*) > 0 FROM comment WHERE parent_id = :id")
    boolean hasReplies(long id);

    /** Keeps the place of a comment that has replies, so that the thread holds. */
    @SqlUpdate("UPDATE comment SET deleted = 1, body = '', updated_at = :now WHERE id = :id")
    void markDeleted(long id, Instant now);

    @SqlUpdate("DELETE FROM comment WHERE id = :id")
    void delete(long id);

    @SqlUpdate("UPDATE comment SET helpful_at = :now WHERE id = :id AND helpful_at IS NULL AND deleted = 0")
    int markHelpful(long id, Instant now);
}
