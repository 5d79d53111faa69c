package app.atelier.account;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.statement.GetGeneratedKeys;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

@RegisterConstructorMapper(ApiToken.class)
interface ApiTokenDao {
    String COLUMNS = "id, member_id, name, scope, created_at, last_used_at, revoked_at";

    @SqlUpdate("INSERT INTO api_token (member_id, name, scope, secret_hash, created_at) VALUES (:memberId, :name, :scope, :secretHash, :now)")
    @GetGeneratedKeys("id")
    long create(long memberId, String name, ApiToken.Scope scope, String secretHash, Instant now);

    @SqlQuery("SELECT " + COLUMNS + " FROM api_token WHERE member_id = :memberId ORDER BY id DESC")
    List<ApiToken> of(long memberId);

    @SqlQuery("SELECT count(*) FROM api_token WHERE member_id = :memberId AND revoked_at IS NULL")
    int active(long memberId);

    @SqlQuery("SELECT " + COLUMNS + " FROM api_token WHERE secret_hash = :secretHash AND revoked_at IS NULL")
    Optional<ApiToken> find(String secretHash);

    @SqlUpdate("UPDATE api_token SET revoked_at = :now WHERE id = :id AND member_id = :memberId AND revoked_at IS NULL")
    int revoke(long id, long memberId, Instant now);

    @SqlUpdate("UPDATE api_token SET last_used_at = :now WHERE id = :id")
    void used(long id, Instant now);
}
