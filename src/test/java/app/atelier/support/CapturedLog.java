package app.atelier.support;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.regex.Pattern;

/**
 * What the app writes to its log while this is open, as a person running it reads it: the standard error stream,
 * which the log goes to, copied here on its way out.
 */
public final class CapturedLog implements AutoCloseable {
    private final PrintStream original = System.err;
    private final ByteArrayOutputStream copy = new ByteArrayOutputStream();

    public CapturedLog() {
        System.setErr(new PrintStream(new OutputStream() {
            @Override
            public void write(int b) {
                original.write(b);
                synchronized (copy) {
                    copy.write(b);
                }
            }

            @Override
            public void write(byte[] bytes, int offset, int length) {
                original.write(bytes, offset, length);
                synchronized (copy) {
                    copy.write(bytes, offset, length);
                }
            }
        }, true, StandardCharsets.UTF_8));
    }

    /** The first group of the pattern's first match, waiting for the log to say it (the mail goes out every few seconds). */
    public String await(Pattern pattern, Duration within) throws InterruptedException {
        var end = Instant.now().plus(within);
        while (Instant.now().isBefore(end)) {
            String text;
            synchronized (copy) {
                text = copy.toString(StandardCharsets.UTF_8);
            }
            var found = pattern.matcher(text);
            if (found.find()) return found.group(1);
            Thread.sleep(200);
        }
        throw new AssertionError("the log never said " + pattern);
    }

    /** All that was written so far. */
    public String text() {
        synchronized (copy) {
            return copy.toString(StandardCharsets.UTF_8);
        }
    }

    @Override
    public void close() {
        System.setErr(original);
    }
}
