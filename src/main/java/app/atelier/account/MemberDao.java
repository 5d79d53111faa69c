package app.atelier.account;

import java.time.Instant;
import java.util.Optional;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.GetGeneratedKeys;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

@RegisterConstructorMapper(Member.class)
public interface MemberDao {
    String COLUMNS = "id, email, name, bio, locale, created_at, email_verified_at";

    @SqlUpdate("INSERT INTO member (email, email_key, name, password_hash, locale, created_at) VALUES (:email, :emailKey, :name, :hash, :locale, :now)")
    @GetGeneratedKeys("id")
    long insert(@Bind("email") String email, @Bind("emailKey") String emailKey, @Bind("name") String name,
                @Bind("hash") String hash, @Bind("locale") String locale, @Bind("now") Instant now);

    @SqlQuery("SELECT " + COLUMNS + " FROM member WHERE id = :id")
    Optional<Member> find(@Bind("id") long id);

    @SqlQuery("SELECT " + COLUMNS + " FROM member WHERE email_key = :emailKey")
    Optional<Member> findByEmailKey(@Bind("emailKey") String emailKey);

    @SqlQuery("SELECT id AS member_id, password_hash FROM member WHERE email_key = :emailKey")
    @RegisterConstructorMapper(Credentials.class)
    Optional<Credentials> credentials(@Bind("emailKey") String emailKey);

    @SqlQuery("SELECT id AS member_id, password_hash FROM member WHERE id = :id")
    @RegisterConstructorMapper(Credentials.class)
    Optional<Credentials> credentialsOf(@Bind("id") long id);

    /** The address the link went to becomes the member's, verified. */
    @SqlUpdate("UPDATE member SET email = :email, email_key = :emailKey, email_verified_at = :now WHERE id = :id")
    void verify(@Bind("id") long id, @Bind("email") String email, @Bind("emailKey") String emailKey, @Bind("now") Instant now);

    @SqlUpdate("UPDATE member SET password_hash = :hash WHERE id = :id")
    void setPassword(@Bind("id") long id, @Bind("hash") String hash);

    @SqlUpdate("UPDATE member SET name = :name, bio = :bio WHERE id = :id")
    void updateProfile(@Bind("id") long id, @Bind("name") String name, @Bind("bio") String bio);

    @SqlUpdate("UPDATE member SET locale = :locale WHERE id = :id")
    void updateLocale(@Bind("id") long id, @Bind("locale") String locale);
}
