package app.atelier.account;

import app.atelier.web.Tokens;
import app.atelier.web.Workplace;
import java.time.Instant;
import java.util.Optional;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/**
 * Sessions, stored by a hash of their id as reset and verification links are: whoever reads the database or a backup
 * learns nothing that signs them in. Callers give and get the id itself; the hashing happens here alone.
 */
@RegisterConstructorMapper(WebSession.class)
interface SessionDao {
    @SqlUpdate("INSERT INTO web_session (id, member_id, csrf_token, created_at, expires_at) VALUES (:idHash, :memberId, :csrf, :now, :expires)")
    void insertHashed(String idHash, long memberId, String csrf, Instant now, Instant expires);

    default void insert(String id, long memberId, String csrf, Instant now, Instant expires) {
        insertHashed(Tokens.hash(id), memberId, csrf, now, expires);
    }

    @SqlQuery("""
            SELECT s.id, s.csrf_token, s.expires_at, m.id AS member_id, m.name AS member_name,
                   m.email AS member_email, m.locale AS member_locale, m.email_verified_at IS NOT NULL AS member_verified,
                   (SELECT count(*) FROM notification n WHERE n.member_id = s.member_id AND n.read_at IS NULL) AS unread,
                   (SELECT string_agg(CAST(o.id AS TEXT) || :within || o.name, :between) FROM organisation_staff st
                    JOIN organisation o ON o.id = st.organisation_id WHERE st.member_id = s.member_id) AS workplaces
            FROM web_session s JOIN member m ON m.id = s.member_id
            WHERE s.id = :idHash AND s.expires_at > :now""")
    Optional<WebSession> findHashed(String idHash, Instant now, String within, String between);

    default Optional<WebSession> find(String id, Instant now) {
        return findHashed(Tokens.hash(id), now, Workplace.WITHIN, Workplace.BETWEEN).map(session -> session.withId(id));
    }

    @SqlUpdate("DELETE FROM web_session WHERE id = :idHash")
    void deleteHashed(String idHash);

    default void delete(String id) {
        deleteHashed(Tokens.hash(id));
    }

    @SqlUpdate("DELETE FROM web_session WHERE member_id = :memberId AND id <> :keepHash")
    int deleteOthersHashed(long memberId, String keepHash);

    default int deleteOthers(long memberId, String keep) {
        return deleteOthersHashed(memberId, Tokens.hash(keep));
    }

    @SqlUpdate("DELETE FROM web_session WHERE expires_at <= :now")
    int deleteExpired(Instant now);
}
