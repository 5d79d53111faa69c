package app.atelier.api;

import java.time.Instant;
import java.util.Optional;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

@RegisterConstructorMapper(IdempotencyDao.Kept.class)
interface IdempotencyDao {
    /** A request kept under its key: what it was, and its answer once given (a null status while it is answered). */
    record Kept(String fingerprint, Integer status, String body) {
    }

    /** Claims the key for this request; 0 when another request holds it. */
    @SqlUpdate("""
            INSERT INTO api_idempotency (token_id, request_key, fingerprint, created_at) VALUES (:tokenId, :key, :fingerprint, :now)
            ON CONFLICT (token_id, request_key) DO NOTHING""")
    int claim(long tokenId, String key, String fingerprint, Instant now);

    @SqlQuery("SELECT fingerprint, status, body FROM api_idempotency WHERE token_id = :tokenId AND request_key = :key")
    Optional<Kept> find(long tokenId, String key);

    @SqlUpdate("UPDATE api_idempotency SET status = :status, body = :body WHERE token_id = :tokenId AND request_key = :key")
    void answer(long tokenId, String key, int status, String body);

    @SqlUpdate("DELETE FROM api_idempotency WHERE token_id = :tokenId AND request_key = :key")
    void release(long tokenId, String key);

    @SqlUpdate("DELETE FROM api_idempotency WHERE created_at < :before")
    int forget(Instant before);
}
