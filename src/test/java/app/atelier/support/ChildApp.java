package app.atelier.support;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/** The app as a child process on a SQLite file in a folder, as an operator runs it: started, stopped, or killed. */
public final class ChildApp implements AutoCloseable {
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    public final Process process;
    public final int port;
    public final Path log;

    private ChildApp(Process process, int port, Path log) {
        this.process = process;
        this.port = port;
        this.log = log;
    }

    /** Starts the app on {@code dir/atelier.db} with no demo, and waits until it answers. */
    public static ChildApp start(Path dir, String run) throws Exception {
        int port;
        try (var socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        var builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx256m", "-XX:+UseSerialGC",
                "-cp", System.getProperty("java.class.path"), "app.atelier.App");
        var env = builder.environment();
        env.put("ATELIER_PORT", Integer.toString(port));
        env.put("ATELIER_DB_URL", "jdbc:sqlite:" + dir.resolve("atelier.db"));
        env.put("ATELIER_DATA_DIR", dir.toString());
        env.put("ATELIER_DEMO", "false");
        Map.of("NAME", "Atelier Essais SAS", "STREET", "1 rue du Test", "POSTCODE", "69001", "CITY", "Lyon", "SIREN", "900000001", "VAT", "FR68900000001", "IBAN",
                        "FR7630004000031234567890143")
                .forEach((name, value) -> env.put("ATELIER_OPERATOR_" + name, value));
        env.put("ATELIER_ADMIN_EMAILS", "admin@example.test");
        env.put("ATELIER_POSTS_PER_10_MINUTES", "1000000");
        Path log = dir.resolve("child-" + run + ".log");
        builder.redirectErrorStream(true).redirectOutput(log.toFile());
        var child = new ChildApp(builder.start(), port, log);
        long until = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < until) {
            try {
                HTTP.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/health")).build(), HttpResponse.BodyHandlers.discarding());
                return child;
            } catch (IOException notYet) {
                if (!child.process.isAlive()) throw new AssertionError("the app did not start; see " + log);
                Thread.sleep(100);
            }
        }
        child.close();
        throw new AssertionError("the app did not answer within a minute");
    }

    /** Posts a form as the member whose session and form token are given; the answer's status. */
    public int post(String session, String csrf, String path, String... fields) throws IOException, InterruptedException {
        var form = new StringBuilder("csrf=" + csrf);
        for (int i = 0; i < fields.length; i += 2) form.append('&').append(fields[i]).append('=').append(URLEncoder.encode(fields[i + 1], StandardCharsets.UTF_8));
        var request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).timeout(Duration.ofSeconds(10))
                .header("Cookie", "atelier_session=" + session).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form.toString())).build();
        return HTTP.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    /** SIGKILL: no shutdown hook, no last write. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor();
    }

    /** SIGTERM, as an operator's stop sends it; the exit status. */
    public int stop() throws InterruptedException {
        process.destroy();
        return process.waitFor();
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) stop();
    }
}
