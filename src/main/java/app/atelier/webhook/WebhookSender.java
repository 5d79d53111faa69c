package app.atelier.webhook;

import app.atelier.db.Database;
import app.atelier.notification.Notice;
import app.atelier.notification.NotificationKind;
import app.atelier.notification.Notifier;
import app.atelier.web.Text;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends the deliveries the outbox holds, each taken by one sender for one attempt (several instances share the work),
 * outside any transaction. A 2xx takes it; anything else, or no answer within {@link #TIMEOUT}, is tried again after
 * {@link #BACKOFF}, the last wait repeated. An endpoint failing for {@link #SWITCH_OFF} is switched off, and whoever
 * registered it told; its deliveries wait for it to be switched on again.
 */
public final class WebhookSender {
    private static final Logger LOG = LoggerFactory.getLogger(WebhookSender.class);
    static final Duration TIMEOUT = Duration.ofSeconds(10);
    static final List<Duration> BACKOFF = List.of(Duration.ofSeconds(5), Duration.ofMinutes(1), Duration.ofMinutes(5), Duration.ofMinutes(30), Duration.ofHours(2),
            Duration.ofHours(5));
    static final Duration SWITCH_OFF = Duration.ofDays(1);
    /** How long the previous secret still signs after a rotation. */
    static final Duration ROTATION = Duration.ofDays(1);
    /** Deliveries sent per round; the next round follows at once when a round was full. */
    static final int ROUND = 50;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Database db;
    private final Clock clock;
    private final Notifier notifier;
    private final Destination destination;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).followRedirects(HttpClient.Redirect.NEVER).build();
    private final ExecutorService woken = Executors.newSingleThreadExecutor(r -> {
        var thread = new Thread(r, "webhooks");
        thread.setDaemon(true);
        return thread;
    });
    private final AtomicBoolean pending = new AtomicBoolean();

    public WebhookSender(Database db, Clock clock, Notifier notifier, Destination destination) {
        this.db = db;
        this.clock = clock;
        this.notifier = notifier;
        this.destination = destination;
    }

    /** Sends what is due soon after an event commits, rather than at the next round; one wake at a time. */
    public void wake() {
        if (pending.compareAndSet(false, true)) {
            woken.execute(() -> {
                pending.set(false);
                try {
                    deliver();
                } catch (RuntimeException e) {
                    LOG.warn("webhook deliveries stopped for this round: {}", e.toString());
                }
            });
        }
    }

    /** Sends every delivery due now; returns how many were attempted. */
    public int deliver() {
        int sent = 0;
        List<WebhookDao.Due> due;
        do {
            var now = clock.instant();
            due = db.read(h -> h.attach(WebhookDao.class).due(now, ROUND));
            for (var delivery : due) {
                boolean taken = db.write(h -> h.attach(WebhookDao.class).take(delivery.id(), delivery.nextAttemptAt(), now.plus(TIMEOUT.multipliedBy(3))) == 1);
                if (taken) {
                    attempt(delivery);
                    sent++;
                }
            }
        } while (due.size() == ROUND);
        return sent;
    }

    private record Outcome(Integer status, String error, long millis) {
        boolean ok() {
            return status != null && status >= 200 && status < 300;
        }
    }

    private void attempt(WebhookDao.Due delivery) {
        var outcome = send(delivery);
        var now = clock.instant();
        db.execute(h -> {
            var dao = h.attach(WebhookDao.class);
            if (outcome.ok()) {
                dao.delivered(delivery.id(), now, outcome.status(), null, outcome.millis());
                dao.answered(delivery.endpointId());
                return;
            }
            var wait = BACKOFF.get(Math.min(delivery.attempts(), BACKOFF.size() - 1));
            dao.failed(delivery.id(), now, outcome.status(), outcome.error(), outcome.millis(), now.plus(wait));
            dao.failing(delivery.endpointId(), now);
            if (dao.switchOffIfFailingSince(delivery.endpointId(), now.minus(SWITCH_OFF), now) == 1) {
                notifier.notify(h, new Notice(NotificationKind.WEBHOOK_OFF, -1, "Atelier", delivery.url(), "webhook.offReason",
                        WebhookRoutes.path(delivery.organisationId(), delivery.endpointId())), List.of(delivery.createdBy()), now);
            }
        });
    }

    private Outcome send(WebhookDao.Due delivery) {
        long start = System.nanoTime();
        var refused = destination.refusal(delivery.url());
        if (refused.isPresent()) return new Outcome(null, "address refused: " + refused.get(), 0);
        try {
            var request = HttpRequest.newBuilder(URI.create(delivery.url())).timeout(TIMEOUT).header("Content-Type", "application/json")
                    .header("User-Agent", "Atelier-Webhooks/1");
            String body = delivery.payload();
            if (delivery.kind() == WebhookEndpoint.Kind.CHAT) {
                body = JSON.writeValueAsString(Map.of("text", ChatMessage.of(JSON.readTree(delivery.payload()), Text.of(Text.language(delivery.language()), clock.getZone()))));
            } else {
                long timestamp = clock.instant().getEpochSecond();
                String signature = Signature.sign(delivery.secret(), delivery.messageId(), timestamp, body);
                if (delivery.previousSecret() != null && delivery.rotatedAt() != null && delivery.rotatedAt().plus(ROTATION).isAfter(clock.instant())) {
                    signature += " " + Signature.sign(delivery.previousSecret(), delivery.messageId(), timestamp, body);
                }
                request.header("webhook-id", delivery.messageId()).header("webhook-timestamp", Long.toString(timestamp)).header("webhook-signature", signature);
            }
            var response = http.send(request.POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build(), HttpResponse.BodyHandlers.discarding());
            return new Outcome(response.statusCode(), null, millis(start));
        } catch (IOException e) {
            return new Outcome(null, e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage()), millis(start));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Outcome(null, "interrupted", millis(start));
        }
    }

    private static long millis(long start) {
        return (System.nanoTime() - start) / 1_000_000;
    }

    /** Stops the sender's thread; what it was sending is sent again by the next start, once its lease has run out. */
    public void stop() {
        woken.shutdownNow();
    }
}
