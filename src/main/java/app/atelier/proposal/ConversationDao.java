package app.atelier.proposal;

import app.atelier.challenge.Arrangement;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

@RegisterConstructorMapper(Message.class)
@RegisterConstructorMapper(Agreement.class)
interface ConversationDao {
    @SqlQuery("""
            SELECT c.id, c.author_id, m.name AS author_name, c.body, c.created_at
            FROM conversation_message c JOIN member m ON m.id = c.author_id WHERE c.contribution_id = :contributionId ORDER BY c.id""")
    List<Message> messages(long contributionId);

    @SqlUpdate("INSERT INTO conversation_message (contribution_id, author_id, body, created_at) VALUES (:contributionId, :authorId, :body, :now)")
    void write(long contributionId, long authorId, String body, Instant now);

    @SqlQuery("""
            SELECT a.arrangement, a.terms, m.name AS recorded_by_name, a.recorded_at
            FROM agreement a JOIN member m ON m.id = a.recorded_by WHERE a.contribution_id = :contributionId""")
    Optional<Agreement> agreement(long contributionId);

    @SqlUpdate("""
            INSERT INTO agreement (contribution_id, arrangement, terms, recorded_by, recorded_at)
            VALUES (:contributionId, :arrangement, :terms, :recordedBy, :now) ON CONFLICT DO NOTHING""")
    int agree(long contributionId, Arrangement arrangement, String terms, long recordedBy, Instant now);
}
