package app.atelier.image;

import app.atelier.web.Invalid;
import java.awt.Color;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Arrays;
import java.util.UUID;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;

/**
 * Pictures people upload. Each is known by its content, never by its name or the type the browser claims: its first
 * bytes must be those of a PNG, JPEG or WebP file, and it must decode as one. It is kept under the data folder,
 * outside the web root, with a thumbnail made at once.
 */
public final class ImageStore {
    public static final long MAX_BYTES = 5L * 1024 * 1024;
    static final int THUMBNAIL_WIDTH = 480;
    /** Beyond this a small file could unpack into more memory than the app has. */
    static final long MAX_PIXELS = 40_000_000;
    private final Path folder;
    private final String field;

    /** @param field the form's field that refusals are said beside */
    public ImageStore(Path folder, String field) {
        this.folder = folder;
        this.field = field;
    }

    /** An image kept: the name of its file, its type and size in bytes and pixels. */
    public record Stored(String file, String mediaType, long size, int width, int height) {
    }

    /** The types we take, by the bytes that open their files. */
    enum Type {
        PNG("image/png", "png"), JPEG("image/jpeg", "jpg"), WEBP("image/webp", "webp");

        final String mediaType;
        final String extension;

        Type(String mediaType, String extension) {
            this.mediaType = mediaType;
            this.extension = extension;
        }

        static Type of(byte[] head) {
            if (starts(head, 0, 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A)) return PNG;
            if (starts(head, 0, 0xFF, 0xD8, 0xFF)) return JPEG;
            if (starts(head, 0, 'R', 'I', 'F', 'F') && starts(head, 8, 'W', 'E', 'B', 'P')) return WEBP;
            return null;
        }

        private static boolean starts(byte[] head, int from, int... expected) {
            if (head.length < from + expected.length) return false;
            for (int i = 0; i < expected.length; i++) {
                if ((head[from + i] & 0xFF) != expected[i]) return false;
            }
            return true;
        }

        static Type ofMediaType(String mediaType) {
            return Arrays.stream(values()).filter(t -> t.mediaType.equals(mediaType)).findFirst().orElseThrow();
        }
    }

    /** Checks an upload and keeps it with its thumbnail, or refuses it with a message for the form's field. */
    public Stored keep(InputStream content) {
        try {
            Files.createDirectories(folder);
            Path received = Files.createTempFile(folder, "upload-", ".part");
            try {
                long size = copyAtMost(content, received);
                return keep(received, size);
            } finally {
                Files.deleteIfExists(received);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Stored keep(Path received, long size) throws IOException {
        byte[] head;
        try (var in = Files.newInputStream(received)) {
            head = in.readNBytes(12);
        }
        Type type = Type.of(head);
        if (type == null) throw Invalid.of(field, "error.imageType");
        var readers = ImageIO.getImageReadersByMIMEType(type.mediaType);
        if (!readers.hasNext()) throw new IllegalStateException("no reader for " + type.mediaType);
        ImageReader reader = readers.next();
        String file = UUID.randomUUID().toString();
        try (var input = ImageIO.createImageInputStream(received.toFile())) {
            reader.setInput(input, true, true);
            int width = reader.getWidth(0);
            int height = reader.getHeight(0);
            if ((long) width * height > MAX_PIXELS) throw Invalid.of(field, "error.imagePixels");
            // Read at a fraction of its size: a thumbnail needs no more, and a large photo fits in little memory.
            var param = reader.getDefaultReadParam();
            int step = Math.max(1, width / THUMBNAIL_WIDTH);
            param.setSourceSubsampling(step, step, 0, 0);
            writeThumbnail(reader.read(0, param), thumbnail(file));
            Files.move(received, original(file, type.mediaType), StandardCopyOption.ATOMIC_MOVE);
            return new Stored(file, type.mediaType, size, width, height);
        } catch (IOException | RuntimeException unreadable) {
            if (unreadable instanceof Invalid invalid) throw invalid;
            delete(file, type.mediaType);
            throw Invalid.of(field, "error.imageType");
        } finally {
            reader.dispose();
        }
    }

    private long copyAtMost(InputStream content, Path to) throws IOException {
        try (var out = Files.newOutputStream(to)) {
            byte[] buffer = new byte[64 * 1024];
            long total = 0;
            for (int n; (n = content.read(buffer)) > 0; ) {
                total += n;
                if (total > MAX_BYTES) throw Invalid.of(field, "error.imageTooLarge", MAX_BYTES / (1024 * 1024));
                out.write(buffer, 0, n);
            }
            return total;
        }
    }

    /** Scaled to the thumbnail's width, on white where the picture is transparent, as a JPEG. */
    private static void writeThumbnail(BufferedImage image, Path to) throws IOException {
        int width = Math.min(THUMBNAIL_WIDTH, image.getWidth());
        int height = Math.max(1, (int) ((long) image.getHeight() * width / image.getWidth()));
        var thumbnail = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        var g = thumbnail.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, width, height);
            g.drawImage(image, 0, 0, width, height, null);
        } finally {
            g.dispose();
        }
        if (!ImageIO.write(thumbnail, "jpeg", to.toFile())) throw new IOException("no JPEG writer");
    }

    public Path original(String file, String mediaType) {
        return folder.resolve(file + "." + Type.ofMediaType(mediaType).extension);
    }

    public Path thumbnail(String file) {
        return folder.resolve(file + "-thumb.jpg");
    }

    /** Removes an image's files, for an upload whose contribution was not saved or an image its author took away. */
    public void delete(String file, String mediaType) {
        try {
            Files.deleteIfExists(original(file, mediaType));
            Files.deleteIfExists(thumbnail(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
