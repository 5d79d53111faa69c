package app.atelier;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Features depend one way, lower to higher: a package may use those before it in {@link #ORDER}, never one after.
 * The scan reads the sources, imports and names written in full alike.
 */
class PackageOrderTest {
    static final List<String> ORDER = List.of("web", "db", "notification", "audit", "organisation", "community", "challenge",
            "contribution", "moderation", "account", "demo");

    private static final Pattern USE = Pattern.compile("app\\.atelier\\.([a-z]+)\\.");

    @Test
    void noPackageUsesOneAboveIt() throws IOException {
        var upwards = new TreeSet<String>();
        Path root = Path.of("src/main/java/app/atelier");
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                if (file.getParent().equals(root)) continue; // App and Config wire everything together
                String from = root.relativize(file).getName(0).toString();
                var uses = USE.matcher(Files.readString(file));
                while (uses.find()) {
                    String to = uses.group(1);
                    if (!ORDER.contains(from) || !ORDER.contains(to)) {
                        upwards.add(file + " uses a package the order does not name: " + to);
                    } else if (ORDER.indexOf(to) > ORDER.indexOf(from)) {
                        upwards.add(from + " -> " + to);
                    }
                }
            }
        }
        assertEquals(new TreeSet<String>(), upwards, "a package uses one above it");
    }
}
