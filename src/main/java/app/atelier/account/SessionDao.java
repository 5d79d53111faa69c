package app.atelier.account;

import java.time.Instant;
import java.util.Optional;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

@RegisterConstructorMapper(WebSession.class)
public interface SessionDao {
    @SqlUpdate("INSERT INTO web_session (id, member_id, csrf_token, created_at, expires_at) VALUES (:id, :memberId, :csrf, :now, :expires)")
    void insert(@Bind("id") String id, @Bind("memberId") long memberId, @Bind("csrf") String csrf,
                @Bind("now") Instant now, @Bind("expires") Instant expires);

    @SqlQuery("""
            SELECT s.id, s.csrf_token, s.expires_at, m.id AS member_id, m.name AS member_name,
                   m.email AS member_email, m.locale AS member_locale, m.email_verified_at IS NOT NULL AS member_verified,
                   (SELECT count(*) FROM notification n WHERE n.member_id = s.member_id AND n.read_at IS NULL) AS unread
            FROM web_session s JOIN member m ON m.id = s.member_id
            WHERE s.id = :id AND s.expires_at > :now""")
    Optional<WebSession> find(@Bind("id") String id, @Bind("now") Instant now);

    @SqlUpdate("DELETE FROM web_session WHERE id = :id")
    void delete(@Bind("id") String id);

    @SqlUpdate("DELETE FROM web_session WHERE member_id = :memberId AND id <> :keep")
    int deleteOthers(@Bind("memberId") long memberId, @Bind("keep") String keep);

    @SqlUpdate("DELETE FROM web_session WHERE expires_at <= :now")
    int deleteExpired(@Bind("now") Instant now);
}
