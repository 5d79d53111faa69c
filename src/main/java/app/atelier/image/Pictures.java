package app.atelier.image;

import io.javalin.http.Context;
import io.javalin.http.UploadedFile;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * The pictures that make lists look like companies and products: organisations' logos and challenges' covers.
 * They are public, found only by their random names, and kept under the data folder with a small copy for lists.
 */
public final class Pictures {
    public static final String FIELD = "picture";
    private static final Pattern NAME = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\\.(png|jpg|webp)");
    private final ImageStore store;

    public Pictures(Path folder) {
        this.store = new ImageStore(folder, FIELD);
    }

    /** What a form asks of its picture: a new file, taking the current one away, or neither, which keeps it. */
    public record Choice(UploadedFile upload, boolean remove) {
        public static final Choice KEEP = new Choice(null, false);

        public static Choice from(Context ctx) {
            if (!ctx.isMultipartFormData()) return KEEP;
            var upload = ctx.uploadedFile(FIELD);
            boolean chosen = upload != null && (upload.size() > 0 || !upload.filename().isEmpty());
            return new Choice(chosen ? upload : null, "yes".equals(ctx.formParam("removePicture")));
        }

        public boolean keeps() {
            return upload == null && !remove;
        }
    }

    /**
     * Keeps the file chosen, if any, and lets {@code save} record the picture with the rest of the form;
     * {@code save} returns the name it replaced, or null, whose files are then removed. A save that fails leaves
     * no file behind.
     */
    public void replace(Choice choice, Function<NewPicture, String> save) {
        replaceAll(choice, picture -> Collections.singletonList(save.apply(picture)));
    }

    /** The same, for a form whose save may take several pictures away: it returns their names. */
    public void replaceAll(Choice choice, Function<NewPicture, List<String>> save) {
        String kept = choice.upload() == null ? null : keep(choice.upload().content());
        List<String> replaced;
        try {
            replaced = save.apply(choice.keeps() ? NewPicture.KEEP : new NewPicture(true, kept));
        } catch (RuntimeException refused) {
            forget(kept);
            throw refused;
        }
        replaced.forEach(this::forget);
    }

    /** Checks a picture and keeps it; @return its name, or refuses it with a message for the field {@value #FIELD} */
    public String keep(InputStream content) {
        return name(store.keep(content));
    }

    /** The file of a picture by its name, whole or as the small copy lists use; empty for a name we never gave. */
    public Optional<Path> file(String name, boolean small) {
        var matcher = NAME.matcher(name);
        if (!matcher.matches()) return Optional.empty();
        String file = name.substring(0, name.indexOf('.'));
        return Optional.of(small ? store.thumbnail(file) : store.original(file, mediaType(name)));
    }

    public static String mediaType(String name) {
        return switch (name.substring(name.indexOf('.') + 1)) {
            case "png" -> "image/png";
            case "webp" -> "image/webp";
            default -> "image/jpeg";
        };
    }

    private static String name(ImageStore.Stored stored) {
        return stored.file() + "." + ImageStore.Type.ofMediaType(stored.mediaType()).extension;
    }

    private void forget(String name) {
        if (name == null || !NAME.matcher(name).matches()) return;
        store.delete(name.substring(0, name.indexOf('.')), mediaType(name));
    }
}
