package app.atelier.notification;

import app.atelier.web.Json;
import app.atelier.web.Tokens;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/**
 * Writes an event for each of the organisation's endpoints that takes it, in the transaction of the event itself,
 * as {@link Notifier} writes emails: if the event is rolled back, so are its deliveries. Once the transaction commits,
 * the sender is woken, so that an endpoint hears of it within moments rather than at the next round.
 */
public final class WebhookOutbox {
    private final String baseUrl;
    private volatile Runnable wake = () -> { };

    WebhookOutbox(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    /** What runs once an event's transaction commits: the sender, given by whoever starts it. */
    public void onCommit(Runnable wake) {
        this.wake = wake;
    }

    /** Wakes the sender now, for deliveries made due otherwise than by an event. */
    public void woken() {
        wake.run();
    }

    interface Dao {
        @SqlQuery("""
                SELECT id FROM webhook_endpoint WHERE organisation_id = :organisationId AND deleted_at IS NULL
                AND (',' || events || ',') LIKE :pattern""")
        java.util.List<Long> endpoints(long organisationId, String pattern);

        @SqlUpdate("""
                INSERT INTO webhook_delivery (endpoint_id, message_id, event, payload, created_at, next_attempt_at)
                VALUES (:endpointId, :messageId, :event, :payload, :now, :now)""")
        void queue(long endpointId, String messageId, String event, String payload, Instant now);
    }

    /**
     * The event, with what its endpoints are told of it and the address of its page on the platform, for every endpoint
     * of the organisation that takes it; one switched off keeps it until it is switched on again.
     */
    public void emit(Handle h, long organisationId, WebhookEvent event, String path, Map<String, Object> data, Instant now) {
        var endpoints = h.attach(Dao.class).endpoints(organisationId, "%," + event.type + ",%");
        for (long endpoint : endpoints) queue(h, endpoint, event, path, data, now);
    }

    /** The event for one endpoint alone: a test its owner asked for. */
    public void queue(Handle h, long endpointId, WebhookEvent event, String path, Map<String, Object> data, Instant now) {
        var body = new LinkedHashMap<String, Object>(data);
        body.put("url", baseUrl + path);
        var payload = new LinkedHashMap<String, Object>();
        payload.put("type", event.type);
        payload.put("timestamp", now.toString());
        payload.put("data", body);
        h.attach(Dao.class).queue(endpointId, "msg_" + Tokens.random(), event.type, Json.write(payload), now);
        h.afterCommit(wake);
    }
}
