package app.atelier;

import static org.junit.jupiter.api.Assertions.assertEquals;

import app.atelier.support.OnceOnSqlite;
import java.io.IOException;
import java.io.UncheckedIOException;
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
 * written in full and template calls alike. The order is the one the README's architecture shows, read from it.
 */
@OnceOnSqlite
class PackageOrderTest {
    static final List<String> ORDER = readmeOrder();

    /** Features that read the platform's configuration, which sits above them all with {@code App}: each is a decision. */
    private static final Set<String> READ_CONFIG = Set.of("account/AccountService.java", "account/Passwords.java", "demo/DemoData.java", "demo/Generator.java");

    /** Template folders that are not a feature: the page shell and pieces every feature uses, and the home page. */
    private static final Map<String, String> TEMPLATE_FOLDERS = Map.of("layout", "web", "partials", "web", "errors", "web", "home", "challenge");

    private static final Pattern USE = Pattern.compile("app\\.atelier\\.([a-z]+)\\.|@template\\.([a-z]+)\\.");
    private static final Pattern ROOT_USE = Pattern.compile("app\\.atelier\\.(App|Config)\\b");
    private static final Pattern TWO_JAVADOCS = Pattern.compile("\\*/\\s*\\n\\s*/\\*\\*");

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
                String text = Files.readString(file);
                if (ROOT_USE.matcher(text).find() && !READ_CONFIG.contains(root.relativize(file).toString())) upwards.add(file + " uses App or Config");
                var uses = USE.matcher(text);
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

    /** Only the last of two Javadoc blocks in a row is attached: the first says nothing to anyone. */
    @Test
    void noJavadocBlockIsFollowedByAnother() throws IOException {
        var stacked = new TreeSet<String>();
        try (Stream<Path> files = Files.walk(Path.of("src"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                if (TWO_JAVADOCS.matcher(Files.readString(file)).find()) stacked.add(file.toString());
            }
        }
        assertEquals(new TreeSet<String>(), stacked, "two Javadoc blocks in a row");
    }

    /** The names in backquotes after "lower to higher:" in the README, up to the first full stop after a name. */
    private static List<String> readmeOrder() {
        try {
            String readme = Files.readString(Path.of("README.md"));
            int from = readme.indexOf("lower to higher:");
            String list = readme.substring(from, readme.indexOf("`.", from) + 1);
            return Pattern.compile("`([a-z]+)`").matcher(list).results().map(m -> m.group(1)).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String feature(String folder) {
        return TEMPLATE_FOLDERS.getOrDefault(folder, folder);
    }
}
