package app.atelier.account;

import java.time.Instant;
import java.util.Optional;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

@RegisterConstructorMapper(AccountLink.class)
interface AccountLinkDao {
    @SqlUpdate("""
            INSERT INTO account_token (token_hash, member_id, purpose, email, created_at, expires_at)
            VALUES (:hash, :memberId, :purpose, :email, :now, :expires)""")
    void insert(String hash, long memberId, AccountLink.Purpose purpose,
                String email, Instant now, Instant expires);

    @SqlQuery("""
            SELECT member_id, purpose, email FROM account_token
            WHERE token_hash = :hash AND purpose = :purpose AND used_at IS NULL AND expires_at > :now""")
    Optional<AccountLink> open(String hash, AccountLink.Purpose purpose, Instant now);

    /** @return 1 for the one request that uses the link, 0 for any other */
    @SqlUpdate("UPDATE account_token SET used_at = :now WHERE token_hash = :hash AND used_at IS NULL")
    int use(String hash, Instant now);

    /** Once one link of a kind has served, the member's other links of that kind serve no more. */
    @SqlUpdate("UPDATE account_token SET used_at = :now WHERE member_id = :memberId AND purpose = :purpose AND used_at IS NULL")
    void useAll(long memberId, AccountLink.Purpose purpose, Instant now);
}
