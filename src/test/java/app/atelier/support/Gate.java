package app.atelier.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A TCP relay between the app and its database server that the test opens and shuts: shut, it drops every connection
 * through it and turns new ones away at once, as a server that has gone (stopped, restarting, out of the network)
 * does to its clients; open, it relays again. The server itself, which other tests share, is never touched.
 */
public final class Gate implements AutoCloseable {
    private final ServerSocket listening;
    private final InetSocketAddress server;
    private final List<Socket> through = new CopyOnWriteArrayList<>();
    private volatile boolean open;

    public Gate(String host, int port, boolean open) throws IOException {
        this.listening = new ServerSocket(0);
        this.server = new InetSocketAddress(host, port);
        this.open = open;
        var accepting = new Thread(this::accept, "gate");
        accepting.setDaemon(true);
        accepting.start();
    }

    /** The address of a PostgreSQL database with the gate put between: the same address with the gate's port. */
    public static Gate before(String jdbcUrl, boolean open) throws IOException {
        var where = java.util.regex.Pattern.compile("//([^:/]+)(?::(\\d+))?/").matcher(jdbcUrl);
        if (!where.find()) throw new IllegalArgumentException("no host in " + jdbcUrl);
        return new Gate(where.group(1), where.group(2) == null ? 5432 : Integer.parseInt(where.group(2)), open);
    }

    public String url(String jdbcUrl) {
        return jdbcUrl.replaceFirst("//[^/]+/", "//127.0.0.1:" + listening.getLocalPort() + "/");
    }

    public void open() {
        open = true;
    }

    /** Drops every connection through the gate and turns new ones away until it opens again. */
    public void shut() {
        open = false;
        for (Socket socket : through) closeQuietly(socket);
        through.clear();
    }

    private void accept() {
        while (!listening.isClosed()) {
            try {
                Socket client = listening.accept();
                if (!open) {
                    closeQuietly(client);
                    continue;
                }
                Socket upstream = new Socket();
                upstream.connect(server, 2_000);
                through.add(client);
                through.add(upstream);
                relay(client, upstream);
                relay(upstream, client);
            } catch (IOException e) {
                // closed, or the server turned the relay away: the client sees its connection end
            }
        }
    }

    private void relay(Socket from, Socket to) {
        var thread = new Thread(() -> {
            try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
                in.transferTo(out);
            } catch (IOException ended) {
                // one side went: end the other
            } finally {
                closeQuietly(from);
                closeQuietly(to);
            }
        }, "gate-relay");
        thread.setDaemon(true);
        thread.start();
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException e) {
            // already closed
        }
    }

    @Override
    public void close() throws IOException {
        shut();
        listening.close();
    }
}
