package app.atelier;


import app.atelier.support.CheckedIn;
import app.atelier.support.OnceOnSqlite;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * SQL that reaches into another feature's tables, listed. A table belongs to the features whose code inserts into it;
 * any other feature's SQL that names it (FROM, JOIN, UPDATE, DELETE) is a cross-feature use, and every such use is in
 * {@code src/test/resources/cross-feature-reads.txt}: a new one shows in review, as a decision. The demo, which
 * writes every feature's rows to make a community, is left out.
 */
@OnceOnSqlite
class CrossFeatureReadsTest {
    private static final Path SOURCES = Path.of("src/main/java/app/atelier");
    private static final Pattern TABLE = Pattern.compile("CREATE (?:VIRTUAL )?TABLE (?:IF NOT EXISTS )?([a-z_]+)");

    @Test
    void everyUseOfAnotherFeaturesTableIsListed() throws IOException {
        var tables = tables();
        var code = code();
        var owners = new TreeMap<String, Set<String>>();
        code.forEach((feature, text) -> tables.stream().filter(table -> inserts(table).matcher(text).find())
                .forEach(table -> owners.computeIfAbsent(table, t -> new TreeSet<>()).add(feature)));
        var reads = new TreeSet<String>();
        code.forEach((feature, text) -> {
            for (String table : tables) {
                var own = owners.getOrDefault(table, Set.of());
                if (!own.contains(feature) && uses("FROM|JOIN|UPDATE", table).matcher(text).find()) {
                    reads.add(feature + " uses " + table + " (" + (own.isEmpty() ? "written by no feature" : String.join(", ", own)) + ")");
                }
            }
        });
        String listing = String.join("\n", reads) + "\n";
        CheckedIn.assertListing("cross-feature-reads.txt", listing, "The SQL that uses another feature's tables");
    }

    /** An INSERT into the table, its name written out or after a prefix joined to it ({@code "INSERT INTO " + prefix + """ table}). */
    private static Pattern inserts(String table) {
        return Pattern.compile("\\bINSERT INTO(?:\\s|\"\\s*\\+\\s*\\w+\\s*\\+\\s*\"\"\")+" + table + "\\b");
    }

    private static Pattern uses(String verbs, String table) {
        return Pattern.compile("\\b(?:" + verbs + ")\\s+" + table + "\\b");
    }

    private static Set<String> tables() throws IOException {
        try (Stream<Path> files = Files.walk(Path.of("src/main/resources/db"))) {
            var tables = new TreeSet<String>();
            for (Path file : files.filter(f -> f.toString().endsWith(".sql")).toList()) {
                TABLE.matcher(Files.readString(file)).results().forEach(m -> tables.add(m.group(1)));
            }
            return tables;
        }
    }

    /** Each feature's main code, all its files together; {@code reward}'s models count as one feature, as in the order. */
    private static Map<String, String> code() throws IOException {
        try (Stream<Path> files = Files.walk(SOURCES)) {
            var code = new TreeMap<String, StringBuilder>();
            for (Path file : files.filter(f -> f.toString().endsWith(".java") && !f.getParent().equals(SOURCES)).toList()) {
                String feature = SOURCES.relativize(file).getName(0).toString();
                if (!feature.equals("demo")) code.computeIfAbsent(feature, f -> new StringBuilder()).append(Files.readString(file)).append('\n');
            }
            return code.entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().toString(), (a, b) -> a, TreeMap::new));
        }
    }
}
