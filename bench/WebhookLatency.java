import com.sun.net.httpserver.HttpServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

/**
 * Receives an endpoint's deliveries and times each from its event (the payload's timestamp, the app's clock) to its
 * receipt here, while comments are posted through the API, one after the other, with the tokens given in turn.
 * Usage: java bench/WebhookLatency.java <port to listen on> <app url> <contribution id> <events> <token>...
 */
public class WebhookLatency {
    private static final Pattern TIMESTAMP = Pattern.compile("\"timestamp\":\"([^\"]+)\"");

    public static void main(String[] args) throws Exception {
        int port = Integer.parseInt(args[0]);
        String app = args[1];
        long contribution = Long.parseLong(args[2]);
        int events = Integer.parseInt(args[3]);
        List<String> tokens = List.of(args).subList(4, args.length);
        var latencies = new ConcurrentLinkedQueue<Long>();
        var done = new CountDownLatch(events);
        var server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 50);
        server.createContext("/hook", exchange -> {
            long received = System.currentTimeMillis();
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
            var m = TIMESTAMP.matcher(body);
            if (m.find() && body.contains("\"comment.created\"")) {
                latencies.add(received - Instant.parse(m.group(1)).toEpochMilli());
                done.countDown();
            }
        });
        server.start();
        var http = HttpClient.newHttpClient();
        long start = System.nanoTime();
        for (int i = 0; i < events; i++) {
            var request = HttpRequest.newBuilder(URI.create(app + "/api/v1/contributions/" + contribution + "/comments"))
                    .header("Authorization", "Bearer " + tokens.get(i % tokens.size())).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"body\":\"Latency probe " + i + "\"}")).build();
            var response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 201) throw new IllegalStateException("comment " + i + ": HTTP " + response.statusCode() + " " + response.body());
        }
        double posting = (System.nanoTime() - start) / 1e9;
        boolean all = done.await(120, TimeUnit.SECONDS);
        server.stop(0);
        var sorted = new ArrayList<>(latencies);
        Collections.sort(sorted);
        System.out.printf("%d events posted in %.1f s; %d received%s%n", events, posting, sorted.size(), all ? "" : " (some never came)");
        System.out.printf("event to receipt: median %d ms, p99 %d ms, max %d ms%n", sorted.get(sorted.size() / 2), sorted.get((int) Math.ceil(sorted.size() * 0.99) - 1),
                sorted.get(sorted.size() - 1));
    }
}
