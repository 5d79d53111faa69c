package app.atelier.account;

import java.time.Instant;
import java.util.Optional;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.statement.GetGeneratedKeys;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

@RegisterConstructorMapper(Member.class)
interface MemberDao {
    String COLUMNS = "id, email, name, bio, locale, created_at, email_verified_at";

    @SqlUpdate("INSERT INTO member (email, email_key, name, password_hash, locale, created_at) VALUES (:email, :emailKey, :name, :hash, :locale, :now)")
    @GetGeneratedKeys("id")
    long insert(String email, String emailKey, String name,
                String hash, String locale, Instant now);

    @SqlQuery("SELECT " + COLUMNS + " FROM member WHERE id = :id")
    Optional<Member> find(long id);

    @SqlQuery("SELECT " + COLUMNS + " FROM member WHERE email_key = :emailKey")
    Optional<Member> findByEmailKey(String emailKey);

    @SqlQuery("SELECT id AS member_id, password_hash FROM member WHERE email_key = :emailKey")
    @RegisterConstructorMapper(Credentials.class)
    Optional<Credentials> credentials(String emailKey);

    @SqlQuery("SELECT id AS member_id, password_hash FROM member WHERE id = :id")
    @RegisterConstructorMapper(Credentials.class)
    Optional<Credentials> credentialsOf(long id);

    /** The address the link went to becomes the member's, verified. */
    @SqlUpdate("UPDATE member SET email = :email, email_key = :emailKey, email_verified_at = :now WHERE id = :id")
    void verify(long id, String email, String emailKey, Instant now);

    @SqlUpdate("UPDATE member SET password_hash = :hash WHERE id = :id")
    void setPassword(long id, String hash);

    @SqlUpdate("UPDATE member SET name = :name, bio = :bio WHERE id = :id")
    void updateProfile(long id, String name, String bio);

    @SqlUpdate("UPDATE member SET locale = :locale WHERE id = :id")
    void updateLocale(long id, String locale);
}
