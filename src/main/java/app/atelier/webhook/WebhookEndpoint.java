package app.atelier.webhook;

import app.atelier.notification.WebhookEvent;
import java.time.Instant;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * An address an organisation's tools listen at: the events it takes ({@code events}, their types separated by commas),
 * how they are sent, its signing secret (and the one before it, honoured a day after a rotation), and its state.
 */
public record WebhookEndpoint(long id, long organisationId, String url, Kind kind, String events, String secret, String previousSecret, Instant rotatedAt,
                              Instant createdAt, long createdBy, Instant failingSince, Instant disabledAt) {
    public enum Kind {
        /** A JSON payload signed as Standard Webhooks says, for a program. */
        SIGNED,
        /** A readable message for a Slack-compatible incoming webhook, for a team chat. */
        CHAT;

        public String key() {
            return "webhook.kind." + name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /** The events an endpoint may take: all but the test, which goes to one endpoint when asked. */
    public static final Set<WebhookEvent> CHOSEN = EnumSet.complementOf(EnumSet.of(WebhookEvent.TEST));

    public Set<WebhookEvent> taken() {
        var types = Set.of(events.split(","));
        return Arrays.stream(WebhookEvent.values()).filter(e -> types.contains(e.type)).collect(Collectors.toCollection(() -> EnumSet.noneOf(WebhookEvent.class)));
    }

    public boolean on() {
        return disabledAt == null;
    }

    static String events(Set<WebhookEvent> events) {
        return events.stream().map(e -> e.type).collect(Collectors.joining(","));
    }
}
