package app.atelier.account;

import app.atelier.web.Workplace;
import java.time.Instant;
import java.util.Optional;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

@RegisterConstructorMapper(WebSession.class)
interface SessionDao {
    @SqlUpdate("INSERT INTO web_session (id, member_id, csrf_token, created_at, expires_at) VALUES (:id, :memberId, :csrf, :now, :expires)")
    void insert(String id, long memberId, String csrf,
                Instant now, Instant expires);

    @SqlQuery("""
            SELECT s.id, s.csrf_token, s.expires_at, m.id AS member_id, m.name AS member_name,
                   m.email AS member_email, m.locale AS member_locale, m.email_verified_at IS NOT NULL AS member_verified,
                   (SELECT count(*) FROM notification n WHERE n.member_id = s.member_id AND n.read_at IS NULL) AS unread,
                   (SELECT string_agg(CAST(o.id AS TEXT) || :within || o.name, :between) FROM organisation_staff st
                    JOIN organisation o ON o.id = st.organisation_id WHERE st.member_id = s.member_id) AS workplaces
            FROM web_session s JOIN member m ON m.id = s.member_id
            WHERE s.id = :id AND s.expires_at > :now""")
    Optional<WebSession> find(String id, Instant now, String within, String between);

    default Optional<WebSession> find(String id, Instant now) {
        return find(id, now, Workplace.WITHIN, Workplace.BETWEEN);
    }

    @SqlUpdate("DELETE FROM web_session WHERE id = :id")
    void delete(String id);

    @SqlUpdate("DELETE FROM web_session WHERE member_id = :memberId AND id <> :keep")
    int deleteOthers(long memberId, String keep);

    @SqlUpdate("DELETE FROM web_session WHERE expires_at <= :now")
    int deleteExpired(Instant now);
}
