package app.atelier;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Features depend one way, lower to higher: a package may use those before it in {@link #ORDER}, never one after.
 * The scan reads the sources and the templates (a template belongs to the feature of its folder), imports, names
 * written in full and template calls alike.
 */
class PackageOrderTest {
    static final List<String> ORDER = List.of("web", "db", "image", "notification", "audit", "recognition", "ledger", "fee", "organisation", "community", "challenge", "reward", "expert",
            "contribution", "proposal", "moderation", "search", "analytics", "account", "demo");

    /** Template folders that are not a feature: the page shell and pieces every feature uses, and the home page. */
    private static final Map<String, String> TEMPLATE_FOLDERS = Map.of("layout", "web", "partials", "web", "errors", "web", "home", "challenge");

    private static final Pattern USE = Pattern.compile("app\\.atelier\\.([a-z]+)\\.|@template\\.([a-z]+)\\.");

    @Test
    void noPackageUsesOneAboveIt() throws IOException {
        var upwards = new TreeSet<String>();
        scan(Path.of("src/main/java/app/atelier"), ".java", upwards);
        scan(Path.of("templates"), ".jte", upwards);
        assertEquals(new TreeSet<String>(), upwards, "a package uses one above it");
    }

    private static void scan(Path root, String extension, Set<String> upwards) throws IOException {
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : files.filter(f -> f.toString().endsWith(extension)).toList()) {
                if (file.getParent().equals(root)) continue; // App and Config wire everything together
                String from = feature(root.relativize(file).getName(0).toString());
                var uses = USE.matcher(Files.readString(file));
                while (uses.find()) {
                    String to = feature(uses.group(1) != null ? uses.group(1) : uses.group(2));
                    if (!ORDER.contains(from) || !ORDER.contains(to)) {
                        upwards.add(file + " uses a package the order does not name: " + to);
                    } else if (ORDER.indexOf(to) > ORDER.indexOf(from)) {
                        upwards.add(file + ": " + from + " -> " + to);
                    }
                }
            }
        }
    }

    private static String feature(String folder) {
        return TEMPLATE_FOLDERS.getOrDefault(folder, folder);
    }
}
