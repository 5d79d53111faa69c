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

    /** The first comments of threads, from one on, oldest first. */
    @SqlQuery("SELECT id FROM comment WHERE contribution_id = :contributionId AND parent_id IS NULL AND id >= :from ORDER BY id LIMIT :limit")
    List<Long> threadStarts(long contributionId, long from, int limit);

    /** The threads started by the first comments from {@code first} to {@code last}, with all their replies, oldest first. */
    @SqlQuery("""
            WITH RECURSIVE shown(id) AS (
                SELECT id FROM comment WHERE contribution_id = :contributionId AND parent_id IS NULL AND id BETWEEN :first AND :last
                UNION ALL SELECT r.id FROM comment r JOIN shown ON r.parent_id = shown.id)
            """ + SELECT + " WHERE c.id IN (SELECT id FROM shown) ORDER BY c.id")
    List<Comment> threads(long contributionId, long first, long last);

    /** The first comment of the thread a comment belongs to, if it is one of this contribution's. */
    @SqlQuery("""
            WITH RECURSIVE up(id, parent_id) AS (
                SELECT id, parent_id FROM comment WHERE id = :commentId AND contribution_id = :contributionId
                UNION ALL SELECT c.id, c.parent_id FROM comment c JOIN up ON c.id = up.parent_id)
            SELECT id FROM up WHERE parent_id IS NULL""")
    Optional<Long> threadStart(long contributionId, long commentId);

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
