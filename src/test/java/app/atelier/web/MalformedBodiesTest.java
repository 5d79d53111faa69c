package app.atelier.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.atelier.support.Browser;
import app.atelier.support.CapturedLog;
import app.atelier.support.OnceOnSqlite;
import app.atelier.support.Site;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Bodies that cannot be read as the multipart form they claim to be, sent by hand over a socket to a form that takes
 * files: each is the client's mistake, answered 400 or 413 with a message and logged without a stack trace; and the
 * contribution saved before is still there.
 */
@OnceOnSqlite
class MalformedBodiesTest {
    private static final String BOUNDARY = "----atelierBoundary";

    @TempDir
    Path dir;

    @Test
    void eachMalformedMultipartBodyIsAClientMistakeNeverAFailure() throws Exception {
        Site.run(dir, site -> {
            try (var log = new CapturedLog()) {
                var scene = site.openChallenge("A lighter pan").withIdea("Eve Adams", "Hollow handle");
                var eve = scene.author();
                String path = "/challenges/" + scene.challenge() + "/contributions";
                String csrf = part("csrf", null, eve.csrf());

                assertEquals(400, send(eve, path, "multipart/form-data", csrf.getBytes(StandardCharsets.UTF_8)), "no boundary");
                byte[] whole = (csrf + part("title", null, "Truncated") + "--" + BOUNDARY + "--\r\n").getBytes(StandardCharsets.UTF_8);
                byte[] truncated = java.util.Arrays.copyOf(whole, whole.length - 30);
                assertEquals(400, send(eve, path, multipart(), truncated), "a truncated body");
                byte[] random = new byte[4096];
                new Random(7).nextBytes(random);
                assertEquals(400, send(eve, path, multipart(), random), "random bytes");
                assertEquals(400, send(eve, path, multipart(), (csrf + part("x", null, "y").repeat(2_000) + end()).getBytes(StandardCharsets.UTF_8)), "2,000 parts");
                String longName = "a".repeat(200_000) + ".png";
                assertEquals(400, send(eve, path, multipart(), (csrf + part("images", longName, "png") + end()).getBytes(StandardCharsets.UTF_8)), "a 200 kB file name");
                assertEquals(413, sendDeclaredOnly(eve, path, multipart(), 60L * 1024 * 1024), "a body over the size cap");
                disconnectMidBody(eve, path);

                assertTrue(eve.page("/contributions/" + scene.idea()).contains("Hollow handle"), "what was saved is still there");
                assertEquals(0, site.count("SELECT count(*) FROM contribution WHERE title = 'Truncated'"));
                String text = log.text();
                assertTrue(text.contains("an unreadable form on POST"), "logged as the client's mistake");
                assertFalse(text.contains("incident"), "no malformed body is an incident");
                assertFalse(text.contains("\tat "), "no stack trace in the log");
            }
        });
    }

    private static String multipart() {
        return "multipart/form-data; boundary=" + BOUNDARY;
    }

    private static String part(String name, String filename, String value) {
        return "--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"" + name + "\"" + (filename == null ? "" : "; filename=\"" + filename + "\"\r\nContent-Type: image/png")
                + "\r\n\r\n" + value + "\r\n";
    }

    private static String end() {
        return "--" + BOUNDARY + "--\r\n";
    }

    private static String head(Browser member, String path, String type, long length) {
        return "POST " + path + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\nAccept-Language: en\r\nCookie: atelier_session=" + member.cookie("atelier_session")
                + "\r\nContent-Type: " + type + "\r\nContent-Length: " + length + "\r\n\r\n";
    }

    /** The status of the answer to a body sent whole. */
    private static int send(Browser member, String path, String type, byte[] body) throws IOException {
        try (var socket = new Socket("localhost", member.port())) {
            socket.setSoTimeout(20_000);
            var out = socket.getOutputStream();
            out.write(head(member, path, type, body.length).getBytes(StandardCharsets.UTF_8));
            out.write(body);
            out.flush();
            return status(socket);
        }
    }

    /** The status of the answer to a request that declares a body larger than any form may be, and sends a little of it. */
    private static int sendDeclaredOnly(Browser member, String path, String type, long length) throws IOException {
        try (var socket = new Socket("localhost", member.port())) {
            socket.setSoTimeout(20_000);
            var out = socket.getOutputStream();
            out.write(head(member, path, type, length).getBytes(StandardCharsets.UTF_8));
            out.write(new byte[64 * 1024]);
            out.flush();
            return status(socket);
        }
    }

    private static void disconnectMidBody(Browser member, String path) throws IOException, InterruptedException {
        try (var socket = new Socket("localhost", member.port())) {
            var out = socket.getOutputStream();
            out.write(head(member, path, multipart(), 100_000).getBytes(StandardCharsets.UTF_8));
            out.write(part("title", null, "Gone").getBytes(StandardCharsets.UTF_8));
            out.flush();
        }
        Thread.sleep(500);
    }

    private static int status(Socket socket) throws IOException {
        var in = socket.getInputStream();
        var line = new ByteArrayOutputStream();
        for (int b = in.read(); b != -1 && b != '\n'; b = in.read()) line.write(b);
        String first = line.toString(StandardCharsets.US_ASCII);
        assertTrue(first.startsWith("HTTP/1.1 "), "an answer: " + first);
        return Integer.parseInt(first.substring(9, 12));
    }
}
