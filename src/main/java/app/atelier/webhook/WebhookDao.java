package app.atelier.webhook;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.statement.GetGeneratedKeys;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

@RegisterConstructorMapper(WebhookEndpoint.class)
@RegisterConstructorMapper(Delivery.class)
@RegisterConstructorMapper(WebhookDao.Due.class)
interface WebhookDao {
    String ENDPOINT = "id, organisation_id, url, kind, events, secret, previous_secret, rotated_at, created_at, created_by, failing_since, disabled_at";
    String DELIVERY = "id, endpoint_id, message_id, event, payload, created_at, attempts, next_attempt_at, last_attempt_at, last_status, last_error, "
            + "last_millis, delivered_at";

    @SqlUpdate("""
            INSERT INTO webhook_endpoint (organisation_id, url, kind, language, events, secret, created_by, created_at)
            VALUES (:organisationId, :url, :kind, :language, :events, :secret, :by, :now)""")
    @GetGeneratedKeys("id")
    long create(long organisationId, String url, WebhookEndpoint.Kind kind, String language, String events, String secret, long by, Instant now);

    @SqlQuery("SELECT " + ENDPOINT + " FROM webhook_endpoint WHERE organisation_id = :organisationId AND deleted_at IS NULL ORDER BY id")
    List<WebhookEndpoint> of(long organisationId);

    @SqlQuery("SELECT count(*) FROM webhook_endpoint WHERE organisation_id = :organisationId AND deleted_at IS NULL")
    int count(long organisationId);

    @SqlQuery("SELECT " + ENDPOINT + " FROM webhook_endpoint WHERE id = :id AND organisation_id = :organisationId AND deleted_at IS NULL")
    Optional<WebhookEndpoint> find(long organisationId, long id);

    @SqlUpdate("UPDATE webhook_endpoint SET previous_secret = secret, secret = :secret, rotated_at = :now WHERE id = :id")
    void rotate(long id, String secret, Instant now);

    @SqlUpdate("UPDATE webhook_endpoint SET disabled_at = NULL, failing_since = NULL WHERE id = :id")
    void switchOn(long id);

    /** What waited for an endpoint switched on again is due now. */
    @SqlUpdate("UPDATE webhook_delivery SET next_attempt_at = :now WHERE endpoint_id = :id AND delivered_at IS NULL")
    void dueAgain(long id, Instant now);

    @SqlUpdate("UPDATE webhook_endpoint SET deleted_at = :now, disabled_at = coalesce(disabled_at, :now) WHERE id = :id")
    void delete(long id, Instant now);

    @SqlQuery("SELECT " + DELIVERY + " FROM webhook_delivery WHERE endpoint_id = :endpointId ORDER BY id DESC LIMIT :limit")
    List<Delivery> log(long endpointId, int limit);

    /** A delivery due now, with what sending it needs of its endpoint. */
    record Due(long id, String messageId, String event, String payload, int attempts, Instant nextAttemptAt, long endpointId, long organisationId, String url,
               WebhookEndpoint.Kind kind, String language, String secret, String previousSecret, Instant rotatedAt, long createdBy) {
    }

    @SqlQuery("""
            SELECT d.id, d.message_id, d.event, d.payload, d.attempts, d.next_attempt_at, e.id AS endpoint_id, e.organisation_id, e.url, e.kind, e.language,
                   e.secret, e.previous_secret, e.rotated_at, e.created_by
            FROM webhook_delivery d JOIN webhook_endpoint e ON e.id = d.endpoint_id
            WHERE d.next_attempt_at <= :now AND e.disabled_at IS NULL ORDER BY d.next_attempt_at LIMIT :limit""")
    List<Due> due(Instant now, int limit);

    /** Takes a due delivery for one attempt, leasing it until {@code until}; 0 when another sender took it first. */
    @SqlUpdate("UPDATE webhook_delivery SET next_attempt_at = :until WHERE id = :id AND next_attempt_at = :seen")
    int take(long id, Instant seen, Instant until);

    @SqlUpdate("""
            UPDATE webhook_delivery SET attempts = attempts + 1, last_attempt_at = :now, last_status = :status, last_error = :error, last_millis = :millis,
                                        delivered_at = :now, next_attempt_at = NULL WHERE id = :id""")
    void delivered(long id, Instant now, Integer status, String error, long millis);

    @SqlUpdate("""
            UPDATE webhook_delivery SET attempts = attempts + 1, last_attempt_at = :now, last_status = :status, last_error = :error, last_millis = :millis,
                                        next_attempt_at = :next WHERE id = :id""")
    void failed(long id, Instant now, Integer status, String error, long millis, Instant next);

    @SqlUpdate("UPDATE webhook_endpoint SET failing_since = NULL WHERE id = :id AND failing_since IS NOT NULL")
    void answered(long id);

    @SqlUpdate("UPDATE webhook_endpoint SET failing_since = coalesce(failing_since, :now) WHERE id = :id")
    void failing(long id, Instant now);

    /** Switches the endpoint off once it has failed since before {@code before}; 1 when this call did. */
    @SqlUpdate("UPDATE webhook_endpoint SET disabled_at = :now WHERE id = :id AND disabled_at IS NULL AND failing_since <= :before")
    int switchOffIfFailingSince(long id, Instant before, Instant now);
}
