package app.atelier;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/** Everything the platform reads from its environment, read once at start. */
public record Config(int port, String dbUrl, Path dataDir, String baseUrl, boolean demo, Set<String> adminEmails) {

    public static Config fromEnvironment(Map<String, String> env) {
        int port = Integer.parseInt(env.getOrDefault("ATELIER_PORT", "7070"));
        return new Config(
                port,
                env.getOrDefault("ATELIER_DB_URL", "jdbc:sqlite:./data/atelier.db"),
                Path.of(env.getOrDefault("ATELIER_DATA_DIR", "./data")),
                env.getOrDefault("ATELIER_BASE_URL", "http://localhost:" + port),
                Boolean.parseBoolean(env.getOrDefault("ATELIER_DEMO", "true")),
                emails(env.getOrDefault("ATELIER_ADMIN_EMAILS", "")));
    }

    /** A configuration over a database file in the given folder, with no demo data: what tests start from. */
    public static Config forFolder(Path folder) {
        return new Config(0, "jdbc:sqlite:" + folder.resolve("atelier.db"), folder, "http://localhost", false, Set.of());
    }

    public Config withAdmins(String... emails) {
        return new Config(port, dbUrl, dataDir, baseUrl, demo, emails(String.join(",", emails)));
    }

    public Config withDemo(boolean demo) {
        return new Config(port, dbUrl, dataDir, baseUrl, demo, adminEmails);
    }

    public boolean isAdmin(String email) {
        return adminEmails.contains(email.toLowerCase(Locale.ROOT));
    }

    private static Set<String> emails(String list) {
        return Arrays.stream(list.split(","))
                .map(s -> s.trim().toLowerCase(Locale.ROOT))
                .filter(s -> !s.isEmpty())
                .collect(Collectors.toUnmodifiableSet());
    }
}
