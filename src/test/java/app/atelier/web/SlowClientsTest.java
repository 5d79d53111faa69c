package app.atelier.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.atelier.support.OnceOnSqlite;
import app.atelier.support.Site;
import app.atelier.support.TestClock;
import app.atelier.support.TestDatabase;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Sockets that send a byte now and then, in their headers or in their body, against a limit of four requests at once:
 * they hold no place, so the others are served, and the server ends them once they are too slow.
 */
@OnceOnSqlite
class SlowClientsTest {
    private static final int PLACES = 4;

    @TempDir
    Path dir;

    @Test
    void slowSocketsHoldNoPlaceAndAreClosed() throws Exception {
        var config = TestDatabase.config(dir);
        config = config.withLimits(config.limits().withRequestsAtOnce(PLACES));
        Site.run(config, new TestClock(Site.START), site -> {
            int port = site.app.port();
            var trickling = new AtomicBoolean(true);
            var bodies = new ArrayList<Socket>();
            var heads = new ArrayList<Socket>();
            var threads = new ArrayList<Thread>();
            for (int i = 0; i < PLACES + 2; i++) {
                bodies.add(trickle(port, "POST /login HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: 500\r\n\r\n",
                        "email=slow@example.test&", trickling, threads));
                heads.add(trickle(port, "GET / HTTP/1.1\r\nHost: localhost\r\n", "X-Slow: yes\r\n", trickling, threads));
            }
            try {
                Thread.sleep(300);
                for (int i = 0; i < 5; i++) assertEquals(200, site.visitor().get("/").code(), "served while the slow sockets trickle");
                for (Socket body : bodies) assertTrue(endedWithin(body, 10_000), "a body at a byte a moment is cut");
                for (Socket head : heads) assertTrue(endedWithin(head, (SlowClients.HEADERS_WITHIN.toSeconds() + 5) * 1000), "headers at a byte a second are cut");
            } finally {
                trickling.set(false);
                for (var t : threads) t.join();
                for (var s : bodies) s.close();
                for (var s : heads) s.close();
            }
        });
    }

    /** Opens a socket, sends the start, then a byte of the rest every half second until told to stop or cut off. */
    private static Socket trickle(int port, String start, String rest, AtomicBoolean trickling, List<Thread> threads) throws IOException {
        var socket = new Socket("localhost", port);
        socket.getOutputStream().write(start.getBytes(StandardCharsets.US_ASCII));
        var thread = new Thread(() -> {
            try {
                var out = socket.getOutputStream();
                for (int i = 0; trickling.get(); i = (i + 1) % rest.length()) {
                    out.write(rest.charAt(i));
                    out.flush();
                    Thread.sleep(500);
                }
            } catch (IOException | InterruptedException cut) {
                // the server closed it: what the test waits for
            }
        });
        thread.start();
        threads.add(thread);
        return socket;
    }

    /** Whether the server ended the request (an answer such as 408, then the close, or the close alone) within the time. */
    private static boolean endedWithin(Socket socket, long millis) throws IOException {
        long until = System.currentTimeMillis() + millis;
        socket.setSoTimeout(250);
        InputStream in = socket.getInputStream();
        while (System.currentTimeMillis() < until) {
            try {
                in.read();
                return true; // an answer such as 408, or the close
            } catch (SocketTimeoutException notYet) {
                // keep waiting
            } catch (IOException reset) {
                return true;
            }
        }
        return false;
    }
}
