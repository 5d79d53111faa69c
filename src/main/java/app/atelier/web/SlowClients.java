package app.atelier.web;

import io.javalin.config.JettyConfig;
import java.time.Duration;
import java.util.Map;
import java.util.WeakHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.io.EndPoint;
import org.eclipse.jetty.server.AbstractConnector;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.internal.HttpConnection;
import org.eclipse.jetty.util.component.LifeCycle;

/**
 * Bounds the time a client may take to send its request, so that a socket that sends a byte a second holds nothing
 * for long. The body must arrive at {@value #LEAST_BYTES_PER_SECOND} bytes a second at least (Jetty cuts it with a
 * 408 otherwise), and the headers within {@link #HEADERS_WITHIN} of their first byte: the sweep closes a connection
 * still in its headers past that. A connection idle between requests is left to the idle timeout.
 */
public final class SlowClients {
    static final long LEAST_BYTES_PER_SECOND = 1024;
    static final Duration HEADERS_WITHIN = Duration.ofSeconds(10);
    private static final Duration SWEEP_EVERY = Duration.ofSeconds(1);

    /** When each connection was first seen in the headers of its current request, and of which request. */
    private record Started(long requests, long at) {
    }

    private final Map<EndPoint, Started> inHeaders = new WeakHashMap<>();

    private SlowClients() {
    }

    // Jetty 12 marks the rate for removal, yet its servlet layer, which Javalin reads bodies through, still applies it.
    @SuppressWarnings("removal")
    public static void bound(JettyConfig jetty) {
        jetty.modifyHttpConfiguration(http -> http.setMinRequestDataRate(LEAST_BYTES_PER_SECOND));
        jetty.modifyServer(server -> new SlowClients().sweep(server));
    }

    private void sweep(Server server) {
        ScheduledExecutorService sweeper = Executors.newSingleThreadScheduledExecutor(r -> {
            var thread = new Thread(r, "slow-clients");
            thread.setDaemon(true);
            return thread;
        });
        server.addEventListener(new LifeCycle.Listener() {
            @Override
            public void lifeCycleStarted(LifeCycle event) {
                var unused = sweeper.scheduleWithFixedDelay(() -> closeSlow(server), SWEEP_EVERY.toMillis(), SWEEP_EVERY.toMillis(), TimeUnit.MILLISECONDS);
            }

            @Override
            public void lifeCycleStopping(LifeCycle event) {
                sweeper.shutdownNow();
            }
        });
    }

    private synchronized void closeSlow(Server server) {
        long now = System.nanoTime();
        for (var connector : server.getConnectors()) {
            if (!(connector instanceof AbstractConnector open)) continue;
            for (EndPoint endPoint : open.getConnectedEndPoints()) {
                if (!(endPoint.getConnection() instanceof HttpConnection http) || !inHeaders(http)) {
                    inHeaders.remove(endPoint);
                    continue;
                }
                Started started = inHeaders.get(endPoint);
                if (started == null || started.requests != http.getMessagesIn()) {
                    inHeaders.put(endPoint, new Started(http.getMessagesIn(), now));
                } else if (now - started.at > HEADERS_WITHIN.toNanos()) {
                    inHeaders.remove(endPoint);
                    endPoint.close();
                }
            }
        }
    }

    /** Whether the connection has begun a request whose headers have not all come. */
    private static boolean inHeaders(HttpConnection http) {
        var parser = http.getParser();
        return parser.inHeaderState() && !parser.isStart();
    }
}
