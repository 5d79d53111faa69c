package app.atelier;

import app.atelier.db.Database;
import app.atelier.demo.DemoData;
import app.atelier.invoice.Operator;
import app.atelier.notification.MailSender;
import app.atelier.web.RateLimit;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/** Everything the platform reads from its environment, read once at start. */
public record Config(int port, String dbUrl, Database.Login dbLogin, Path dataDir, String baseUrl, boolean demo, Set<String> adminEmails,
                     MailSender.Smtp smtp, Limits limits, boolean behindProxy, Hashing hashing, ZoneId zone, Ceilings ceilings, Operations operations,
                     Operator operator) {
    /** Where the platform's people mostly live: days typed in forms and shown on pages are counted there. */
    public static final ZoneId HOME_ZONE = ZoneId.of("Europe/Paris");


    /**
     * Amounts above which money is refused or asks for a second look, in cents: the highest rate an expert may ask a
     * minute, and the payment the organisation chooses (after reflection) above which it confirms the amount in words.
     */
    public record Ceilings(long expertPerMinute, long paymentWithoutConfirming) {
        public static final Ceilings DEFAULT = new Ceilings(20_00, 10_000_00);
    }

    /** What one password hash costs: memory in KiB and passes of argon2id. */
    public record Hashing(int memoryKib, int passes) {
        /** OWASP's current minimum for argon2id. */
        public static final Hashing REAL = new Hashing(19 * 1024, 2);
        /** For tests that sign many people up and check nothing of the hash itself. */
        public static final Hashing CHEAP = new Hashing(64, 1);
    }

    /**
     * How many sign-ups an address may make in an hour, posts (contributions and comments) in ten minutes, and
     * invitations an organisation may send in a day. {@code requestsAtOnce}: how many requests are served at once;
     * one more is told at once to come back. {@code readSeconds}: how long one read of the database may run before
     * it is cut; {@code writeSeconds}: how long one write may wait for its turn before the request is told to come back.
     */
    public record Limits(int signUpsPerHour, int postsPerTenMinutes, int invitationsPerDay, int requestsAtOnce, int readSeconds, int writeSeconds) {
        public Limits withRequestsAtOnce(int places) {
            return new Limits(signUpsPerHour, postsPerTenMinutes, invitationsPerDay, places, readSeconds, writeSeconds);
        }

        public Limits withWriteSeconds(int seconds) {
            return new Limits(signUpsPerHour, postsPerTenMinutes, invitationsPerDay, requestsAtOnce, readSeconds, seconds);
        }

        public RateLimit signUps() {
            return RateLimit.signUps(signUpsPerHour);
        }

        public RateLimit posts() {
            return RateLimit.posts(postsPerTenMinutes);
        }

        public RateLimit invitations() {
            return new RateLimit("invitation", invitationsPerDay, Duration.ofDays(1));
        }
    }

    /**
     * How the instance runs on its machine: the address it listens on (all of them unless said), how long a start
     * waits for a database server that does not answer yet, and the free disk space below which the log warns and
     * below which {@code /health} fails (0: only when a write fails).
     */
    public record Operations(String host, Duration databaseWait, long warnBelowFreeMb, long failBelowFreeMb, boolean webhooksToPrivate) {
        public static final Operations DEFAULT = new Operations(null, Duration.ofSeconds(60), 512, 0, false);

        /** The same, letting webhooks reach addresses in private networks, for a receiver on the operator's own network (and tests). */
        public Operations withWebhooksToPrivate() {
            return new Operations(host, databaseWait, warnBelowFreeMb, failBelowFreeMb, true);
        }
    }

    public static Config fromEnvironment(Map<String, String> env) {
        int port = Integer.parseInt(env.getOrDefault("ATELIER_PORT", "7070"));
        boolean demo = Boolean.parseBoolean(env.getOrDefault("ATELIER_DEMO", "true"));
        // The demo's admin lets a person trying Atelier see the admin's pages; naming admins replaces it.
        String admins = env.getOrDefault("ATELIER_ADMIN_EMAILS", demo ? DemoData.ADMIN_EMAIL : "");
        return new Config(
                port,
                env.getOrDefault("ATELIER_DB_URL", "jdbc:sqlite:./data/atelier.db"),
                new Database.Login(env.get("ATELIER_DB_USER"), env.get("ATELIER_DB_PASSWORD")),
                Path.of(env.getOrDefault("ATELIER_DATA_DIR", "./data")),
                env.getOrDefault("ATELIER_BASE_URL", "http://localhost:" + port),
                demo,
                emails(admins),
                new MailSender.Smtp(env.get("ATELIER_SMTP_HOST"), Integer.parseInt(env.getOrDefault("ATELIER_SMTP_PORT", "587")),
                        env.get("ATELIER_SMTP_USER"), env.get("ATELIER_SMTP_PASSWORD"),
                        env.getOrDefault("ATELIER_MAIL_FROM", "Atelier <no-reply@localhost>")),
                new Limits(Integer.parseInt(env.getOrDefault("ATELIER_SIGNUPS_PER_HOUR", "5")),
                        Integer.parseInt(env.getOrDefault("ATELIER_POSTS_PER_10_MINUTES", "30")),
                        Integer.parseInt(env.getOrDefault("ATELIER_INVITATIONS_PER_DAY", "50")),
                        Integer.parseInt(env.getOrDefault("ATELIER_REQUESTS_AT_ONCE", "64")),
                        Integer.parseInt(env.getOrDefault("ATELIER_READ_SECONDS", "10")),
                        Integer.parseInt(env.getOrDefault("ATELIER_WRITE_SECONDS", "10"))),
                Boolean.parseBoolean(env.getOrDefault("ATELIER_BEHIND_PROXY", "false")),
                new Hashing(Integer.parseInt(env.getOrDefault("ATELIER_HASH_MEMORY_KIB", Integer.toString(Hashing.REAL.memoryKib()))),
                        Integer.parseInt(env.getOrDefault("ATELIER_HASH_PASSES", Integer.toString(Hashing.REAL.passes())))),
                ZoneId.of(env.getOrDefault("ATELIER_TIME_ZONE", HOME_ZONE.getId())),
                new Ceilings(Long.parseLong(env.getOrDefault("ATELIER_EXPERT_RATE_CEILING_CENTS", Long.toString(Ceilings.DEFAULT.expertPerMinute()))),
                        Long.parseLong(env.getOrDefault("ATELIER_PAYMENT_CONFIRM_ABOVE_CENTS", Long.toString(Ceilings.DEFAULT.paymentWithoutConfirming())))),
                new Operations(env.get("ATELIER_HOST"),
                        Duration.ofSeconds(Long.parseLong(env.getOrDefault("ATELIER_DB_WAIT_SECONDS", Long.toString(Operations.DEFAULT.databaseWait().toSeconds())))),
                        Long.parseLong(env.getOrDefault("ATELIER_DISK_WARN_MB", Long.toString(Operations.DEFAULT.warnBelowFreeMb()))),
                        Long.parseLong(env.getOrDefault("ATELIER_DISK_FAIL_MB", Long.toString(Operations.DEFAULT.failBelowFreeMb()))),
                        Boolean.parseBoolean(env.getOrDefault("ATELIER_WEBHOOKS_PRIVATE", "false"))),
                Operator.fromEnvironment(env, demo));
    }

    /** Where the images of designs are kept: under the data folder, never in the web root. */
    public Path designs() {
        return dataDir.resolve("designs");
    }

    /** Where copies of the database are kept. */
    public Path backups() {
        return dataDir.resolve("backups");
    }

    /** Where organisations' logos and challenges' covers are kept. */
    public Path pictures() {
        return dataDir.resolve("pictures");
    }

    /** A configuration over a database file in the given folder, with no demo data: what tests start from. */
    public static Config forFolder(Path folder) {
        return new Config(0, "jdbc:sqlite:" + folder.resolve("atelier.db"), Database.Login.NONE, folder, "http://localhost", false, Set.of(),
                new MailSender.Smtp(null, 0, null, null, "Atelier <no-reply@localhost>"), new Limits(10_000, 10_000, 10_000, 64, 10, 10), false, Hashing.CHEAP, HOME_ZONE, Ceilings.DEFAULT, Operations.DEFAULT, Operator.DEMO);
    }

    /** The same, on another database. */
    public Config withDatabase(String dbUrl, Database.Login dbLogin) {
        return new Config(port, dbUrl, dbLogin, dataDir, baseUrl, demo, adminEmails, smtp, limits, behindProxy, hashing, zone, ceilings, operations, operator);
    }

    public Config withAdmins(String... emails) {
        return new Config(port, dbUrl, dbLogin, dataDir, baseUrl, demo, emails(String.join(",", emails)), smtp, limits, behindProxy, hashing, zone, ceilings, operations, operator);
    }

    public Config withDemo(boolean demo) {
        return new Config(port, dbUrl, dbLogin, dataDir, baseUrl, demo, adminEmails, smtp, limits, behindProxy, hashing, zone, ceilings, operations, operator);
    }

    public Config withLimits(int signUpsPerHour, int postsPerTenMinutes, int invitationsPerDay) {
        return withLimits(new Limits(signUpsPerHour, postsPerTenMinutes, invitationsPerDay, limits.requestsAtOnce(), limits.readSeconds(), limits.writeSeconds()));
    }

    public Config withLimits(Limits limits) {
        return new Config(port, dbUrl, dbLogin, dataDir, baseUrl, demo, adminEmails, smtp, limits, behindProxy, hashing, zone, ceilings, operations, operator);
    }

    /** The same, sending mail through this SMTP server. */
    public Config withSmtp(String host, int port) {
        return new Config(this.port, dbUrl, dbLogin, dataDir, baseUrl, demo, adminEmails, new MailSender.Smtp(host, port, null, null, smtp.from()), limits, behindProxy, hashing, zone, ceilings, operations, operator);
    }

    /** Behind a proxy that appends the client's address to X-Forwarded-For, as a load balancer does. */
    public Config withProxy() {
        return new Config(port, dbUrl, dbLogin, dataDir, baseUrl, demo, adminEmails, smtp, limits, true, hashing, zone, ceilings, operations, operator);
    }

    public Config withBaseUrl(String baseUrl) {
        return new Config(port, dbUrl, dbLogin, dataDir, baseUrl, demo, adminEmails, smtp, limits, behindProxy, hashing, zone, ceilings, operations, operator);
    }

    public Config withOperations(Operations operations) {
        return new Config(port, dbUrl, dbLogin, dataDir, baseUrl, demo, adminEmails, smtp, limits, behindProxy, hashing, zone, ceilings, operations, operator);
    }

    public Config withHashing(Hashing hashing) {
        return new Config(port, dbUrl, dbLogin, dataDir, baseUrl, demo, adminEmails, smtp, limits, behindProxy, hashing, zone, ceilings, operations, operator);
    }

    public Config withZone(ZoneId zone) {
        return new Config(port, dbUrl, dbLogin, dataDir, baseUrl, demo, adminEmails, smtp, limits, behindProxy, hashing, zone, ceilings, operations, operator);
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
