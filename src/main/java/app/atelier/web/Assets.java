package app.atelier.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Addresses of the static files that carry a digest of their content, so that browsers may keep them a year:
 * a changed file gets a new address. Read once per file, from the classpath the files are served from.
 */
public final class Assets {
    /** How long a browser may keep a static file without asking again. */
    public static final String CACHE = "public, max-age=31536000, immutable";
    private static final Map<String, String> ADDRESSES = new ConcurrentHashMap<>();

    private Assets() {
    }

    /** The address of a file under {@code static/}, such as {@code css/atelier.css}. */
    public static String path(String file) {
        return ADDRESSES.computeIfAbsent(file, f -> Role.STATIC + f + "?v=" + digest(f));
    }

    private static String digest(String file) {
        try (InputStream in = Assets.class.getResourceAsStream("/static/" + file)) {
            if (in == null) throw new IllegalArgumentException("no static file " + file);
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(in.readAllBytes())).substring(0, 12);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
