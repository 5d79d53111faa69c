package app.atelier.webhook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.atelier.App;
import app.atelier.Config;
import app.atelier.support.Browser;
import app.atelier.support.Site;
import app.atelier.support.TestClock;
import app.atelier.support.TestDatabase;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Webhooks through the running app, to a real HTTP server started here: the signature checked as the Standard Webhooks
 * specification computes it, a retry after a 500, the switch-off after a day of failures, a test event, a rotated
 * secret, a team chat's message, and the addresses refused.
 */
class WebhookTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern SECRET = Pattern.compile("whsec_[A-Za-z0-9+/=]{44}");

    @TempDir
    Path dir;

    /** What the receiver was sent: its headers and body. */
    private record Received(Map<String, String> headers, String body) {
        JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new IllegalStateException(body, e);
            }
        }
    }

    /** An HTTP server on this machine that keeps what it is sent and answers with the status it is told to. */
    private static final class Receiver implements AutoCloseable {
        final BlockingQueue<Received> received = new LinkedBlockingQueue<>();
        final AtomicInteger status = new AtomicInteger(200);
        final HttpServer server;

        Receiver() throws IOException {
            server = HttpServer.create(new InetSocketAddress(java.net.InetAddress.getLoopbackAddress(), 0), 0);
            server.createContext("/", exchange -> {
                var headers = new java.util.HashMap<String, String>();
                exchange.getRequestHeaders().forEach((name, values) -> headers.put(name.toLowerCase(java.util.Locale.ROOT), values.get(0)));
                received.add(new Received(headers, new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8)));
                exchange.sendResponseHeaders(status.get(), -1);
                exchange.close();
            });
            server.start();
        }

        String url() {
            return "http://127.0.0.1:" + server.getAddress().getPort() + "/hook";
        }

        Received next() {
            try {
                var got = received.poll(15, TimeUnit.SECONDS);
                assertNotNull(got, "a delivery within 15 s");
                return got;
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        }

        @Override
        public void close() {
            server.stop(0);
        }
    }

    private void run(Site.Steps steps) {
        Site.run(TestDatabase.config(dir).withOperations(Config.Operations.DEFAULT.withWebhooksToPrivate()), new TestClock(Site.START), steps);
    }

    /** The Standard Webhooks signature of a delivery under a secret, as a receiver computes it to compare. */
    private static String signed(String secret, Received r) throws Exception {
        var mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(Base64.getDecoder().decode(secret.substring("whsec_".length())), "HmacSHA256"));
        String content = r.headers().get("webhook-id") + "." + r.headers().get("webhook-timestamp") + "." + r.body();
        return "v1," + Base64.getEncoder().encodeToString(mac.doFinal(content.getBytes(StandardCharsets.UTF_8)));
    }

    /** Waits for the sender to record what the receiver answered, which it does once the answer is back. */
    private static void recorded(Site site, String count) {
        for (int i = 0; i < 100 && site.count(count) == 0; i++) {
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        }
        assertEquals(1, site.count(count), count);
    }

    /** Registers an endpoint on the organisation's page and returns its page's address. */
    private static String endpoint(Browser owner, long organisation, String url, String kind, String... events) {
        var fields = new java.util.ArrayList<>(java.util.List.of("url", url, "kind", kind));
        for (String event : events) fields.addAll(java.util.List.of("events", event));
        var created = owner.post("/organisations/" + organisation + "/webhooks", fields.toArray(String[]::new));
        assertEquals(302, created.code(), () -> created.body().string());
        return Site.location(created);
    }

    @Test
    void eventsAreSignedRetriedAfterAFailureAndAnEndpointFailingForADayIsSwitchedOff() throws Exception {
        try (var receiver = new Receiver()) {
            run(site -> {
                var scene = site.openChallenge("A lunch box for cyclists");
                var owner = scene.owner();
                String page = endpoint(owner, scene.organisation(), receiver.url(), "SIGNED", "contribution.created", "comment.created");
                var secret = SECRET.matcher(owner.page(page));
                assertTrue(secret.find(), "the secret is on the endpoint's page");

                var ana = site.member("Ana Ruiz");
                long idea = site.contribute(ana, scene.challenge(), "Insulated pannier");
                var first = receiver.next();
                try {
                    assertEquals(signed(secret.group(), first), first.headers().get("webhook-signature"), "HMAC-SHA256 over id.timestamp.body");
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
                assertTrue(first.headers().get("webhook-id").startsWith("msg_"));
                assertEquals(String.valueOf(Site.START.getEpochSecond()), first.headers().get("webhook-timestamp"));
                assertEquals("contribution.created", first.json().path("type").asText());
                assertEquals("Insulated pannier", first.json().path("data").path("title").asText());
                assertEquals("http://localhost/contributions/" + idea, first.json().path("data").path("url").asText());

                receiver.status.set(500);
                site.comment(ana, idea, "Which lid?", null);
                assertEquals("comment.created", receiver.next().json().path("type").asText());
                recorded(site, "SELECT count(*) FROM webhook_delivery WHERE last_status = 500");
                App.runJob(site.app, "webhooks.deliver");
                assertTrue(receiver.received.isEmpty(), "not again before its wait");
                receiver.status.set(200);
                site.clock.advance(Duration.ofSeconds(6));
                App.runJob(site.app, "webhooks.deliver");
                var retried = receiver.next();
                assertEquals("comment.created", retried.json().path("type").asText(), "tried again after its wait");
                assertEquals(1, site.count("SELECT count(*) FROM webhook_delivery WHERE event = 'comment.created' AND attempts = 2 AND delivered_at IS NOT NULL"));
                String log = owner.page(page);
                assertTrue(log.contains("HTTP 200") && log.contains("comment.created"), "the delivery log");

                site.comment(ana, idea, "Not for this one", null);
                receiver.next();
                site.settleMoves();
                assertEquals(0, site.count("SELECT count(*) FROM webhook_delivery WHERE event = 'challenge.moved'"), "an event it does not take");

                receiver.status.set(503);
                site.comment(ana, idea, "Nobody hears this", null);
                receiver.next();
                recorded(site, "SELECT count(*) FROM webhook_delivery WHERE last_status = 503");
                for (int hours = 0; hours < 25; hours += 5) {
                    site.clock.advance(Duration.ofHours(5));
                    App.runJob(site.app, "webhooks.deliver");
                }
                receiver.received.clear();
                assertTrue(owner.page(page).contains("Switched off on"), () -> "switched off after a day of failures: "
                        + site.texts("SELECT coalesce(failing_since, -1) || ' ' || coalesce(disabled_at, -1) FROM webhook_endpoint") + " "
                            + site.texts("SELECT event || ' ' || attempts || ' ' || coalesce(last_status, -1) FROM webhook_delivery"));
                assertEquals(1, site.count("SELECT count(*) FROM notification WHERE kind = 'WEBHOOK_OFF' AND member_id = ?", owner.memberId), "its owner told");
                site.comment(ana, idea, "Waits for it", null);
                site.clock.advance(Duration.ofHours(6));
                App.runJob(site.app, "webhooks.deliver");
                assertNull(receiver.received.poll(), "nothing sent while it is off");

                receiver.status.set(200);
                assertEquals(302, owner.post(page + "/on").code());
                site.clock.advance(Duration.ofHours(6));
                App.runJob(site.app, "webhooks.deliver");
                assertEquals(0, site.count("SELECT count(*) FROM webhook_delivery WHERE delivered_at IS NULL"), "what waited is sent once it is on again");

                receiver.received.clear();
                assertEquals(302, owner.post(page + "/test").code());
                var test = receiver.next();
                assertEquals("test.ping", test.json().path("type").asText());
                assertEquals(302, owner.post(page + "/rotate").code());
                var rotated = SECRET.matcher(owner.page(page));
                assertTrue(rotated.find());
                assertFalse(rotated.group().equals(secret.group()), "a new secret");
                assertEquals(302, owner.post(page + "/test").code());
                var both = receiver.next().headers();
                assertTrue(both.get("webhook-signature").matches("v1,\\S+ v1,\\S+"), "the old secret signs beside the new for a day");
            });
        }
    }

    @Test
    void aTeamChatGetsAReadableMessage() throws Exception {
        try (var receiver = new Receiver()) {
            run(site -> {
                var scene = site.openChallenge("A lunch box for cyclists");
                endpoint(scene.owner(), scene.organisation(), receiver.url(), "CHAT", "contribution.created");
                long idea = site.contribute(site.member("Ana Ruiz"), scene.challenge(), "Insulated pannier");
                var message = receiver.next();
                assertNull(message.headers().get("webhook-signature"), "a chat's incoming webhook checks no signature");
                assertEquals("Ana Ruiz sent “Insulated pannier” to the challenge “A lunch box for cyclists”. http://localhost/contributions/" + idea,
                        message.json().path("text").asText());
            });
        }
    }

    @Test
    void addressesIntoPrivateNetworksPlainHttpAndBadFormsAreRefused() {
        Site.run(TestDatabase.config(dir), new TestClock(Site.START), site -> {
            var scene = site.openChallenge("A lunch box for cyclists");
            var owner = scene.owner();
            String form = "/organisations/" + scene.organisation() + "/webhooks";
            String[][] refused = {
                {"https://127.0.0.1/hook", "private network"},
                {"https://10.0.0.5/hook", "private network"},
                {"https://192.168.1.20/hook", "private network"},
                {"https://169.254.169.254/latest/meta-data", "private network"},
                {"https://[::1]/hook", "private network"},
                {"https://[fd00::1]/hook", "private network"},
                {"http://hooks.example.com/atelier", "https address"},
                {"not an address", "whole web address"},
                {"ftp://hooks.example.com/x", "whole web address"},
                {"https://user:pass@hooks.example.com/x", "whole web address"},
                {"https://hooks.example.com/" + "x".repeat(500), "500 characters"},
                {"", "required"},
                {"<script>alert(1)</script>", "whole web address"},
            };
            for (String[] bad : refused) {
                var answer = owner.post(form, "url", bad[0], "kind", "SIGNED", "events", "contribution.created");
                assertEquals(422, answer.code(), bad[0]);
                String shown = answer.body().string();
                assertTrue(shown.contains(bad[1]) && shown.contains("id=\"url-error\""), bad[0] + ": " + bad[1]);
                assertFalse(shown.contains("<script>alert(1)"), "shown escaped");
            }
            assertEquals(422, owner.post(form, "url", "https://10.0.0.5/hook", "kind", "SIGNED").code(), "no event");
            assertEquals(400, owner.post(form, "url", "https://10.0.0.5/hook", "kind", "SIGNED", "events", "test.ping").code(), "an event no form offers");
            assertEquals(422, owner.post(form, "url", "https://10.0.0.5/hook", "events", "comment.created").code(), "no kind");
            assertEquals(403, owner.postRaw(form, "url", "https://10.0.0.5/hook", "kind", "SIGNED", "events", "comment.created").code(), "no form token");
            var moderator = scene.staff("Léa Moreau", "MODERATOR");
            assertEquals(403, moderator.get(form).code(), "a moderator does not manage endpoints");
            assertEquals(403, site.member("Eve Adams").post(form, "url", "https://10.0.0.5/x", "kind", "SIGNED", "events", "comment.created").code());
            assertEquals(0, site.count("SELECT count(*) FROM webhook_endpoint"), "nothing saved");
        });
    }
}
