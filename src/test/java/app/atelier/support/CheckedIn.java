package app.atelier.support;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A listing the code makes, kept as a file in {@code src/test/resources} so that a change to it shows in review. On
 * a difference the new listing is written under {@code target/} and the test fails, saying where to compare.
 */
public final class CheckedIn {
    private CheckedIn() {
    }

    public static void assertListing(String file, String listing, String what) {
        Path kept = Path.of("src/test/resources", file);
        try {
            String checkedIn = Files.exists(kept) ? Files.readString(kept, StandardCharsets.UTF_8) : "";
            if (listing.equals(checkedIn)) return;
            Path now = Path.of("target", file);
            Files.writeString(now, listing, StandardCharsets.UTF_8);
            fail(what + " is not what " + kept + " lists. The listing now is in " + now + ": compare, and copy it over once it says what you meant.");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
