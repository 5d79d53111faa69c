package app.atelier.demo;

import app.atelier.Config;
import app.atelier.account.AccountService;
import app.atelier.account.SignUpForm;
import app.atelier.contribution.ContributionService;
import app.atelier.contribution.Ranking;
import app.atelier.contribution.Sort;
import app.atelier.db.Database;
import app.atelier.notification.Notifier;
import app.atelier.recognition.KeptPoints;
import app.atelier.web.Markdown;
import app.atelier.web.Text;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Random;

/**
 * Fills a new database with a community of a realistic shape, for measuring: at scale 1, 50 organisations,
 * 2,000 challenges, 1,000,000 contributions spread by a power law (one challenge holds a tenth of them),
 * 5,000,000 votes, 2,000,000 comments (one contribution holds 1,200) and 100,000 members, with every counter
 * equal to its rows. Every member's password is {@link #PASSWORD} and every address is verified.
 * Run it with {@code java -cp target/atelier.jar app.atelier.demo.Generator FILE [SCALE]}.
 */
public final class Generator {
    public static final String PASSWORD = "generated members' password";
    /** The contribution with the longest discussion: the first of the biggest challenge. */
    public static final int LONG_DISCUSSION = 1_200;
    private static final int ORGANISATIONS = 50;
    private static final int BATCH = 20_000;
    private static final String[] KINDS = {"IDEA", "EXPERIENCE"};
    private static final String[] WORDS = ("pan lid handle weight steel enamel colour oven grip cover recipe gift box shelf "
            + "price launch label spout rim base cast iron light heavy warm cool bright quiet").split(" ");

    /** How many of each thing: the shape stays, the sizes follow the scale. */
    public record Shape(int members, int challenges, int contributions, long votes, long comments) {
        public static Shape of(double scale) {
            return new Shape(atLeast(200, 100_000 * scale), atLeast(20, 2_000 * scale), atLeast(1_000, 1_000_000 * scale),
                    Math.round(5_000_000 * scale), Math.round(2_000_000 * scale));
        }

        private static int atLeast(int least, double wanted) {
            return Math.max(least, (int) Math.round(wanted));
        }
    }

    private final Shape shape;
    private final Random random = new Random(20261123L);
    private final long now = Instant.parse("2026-11-01T09:00:00Z").toEpochMilli();
    private final long yearAgo = now - Duration.ofDays(365).toMillis();

    public Generator(Shape shape) {
        this.shape = shape;
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 1) {
            System.err.println("usage: Generator FILE [SCALE]   (scale 1 = a million contributions)");
            System.exit(2);
        }
        Path file = Path.of(args[0]);
        double scale = args.length > 1 ? Double.parseDouble(args[1]) : 1.0;
        long started = System.nanoTime();
        new Generator(Shape.of(scale)).fill(file);
        System.out.printf("%s filled at scale %s in %d s%n", file, scale, Duration.ofNanos(System.nanoTime() - started).toSeconds());
    }

    /** Builds the file anew: the schema by the app's migrations, one real sign-up for the password hash, then rows in bulk. */
    public void fill(Path file) throws SQLException, IOException {
        for (String suffix : new String[] {"", "-wal", "-shm", "-journal"}) Files.deleteIfExists(Path.of(file + suffix));
        String url = "jdbc:sqlite:" + file;
        var config = Config.forFolder(file.toAbsolutePath().getParent()).withHashing(Config.Hashing.REAL);
        try (var db = Database.open(url)) {
            new AccountService(db, Clock.systemUTC(), config, new Notifier(config.baseUrl(), config.zone()))
                    .signUp(new SignUpForm("Member 1", "member1@example.test", PASSWORD), null, Text.FRENCH, "generator");
        }
        try (Connection c = DriverManager.getConnection(url)) {
            try (Statement s = c.createStatement()) {
                s.execute("PRAGMA journal_mode = OFF");
                s.execute("PRAGMA synchronous = OFF");
            }
            c.setAutoCommit(false);
            members(c);
            organisations(c);
            int[] sizes = challenges(c);
            contributions(c, sizes);
            c.commit();
        }
        try (var db = Database.open(url)) {
            db.write(h -> KeptPoints.rebuild(h, config.zone()));
        }
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
            s.execute("PRAGMA journal_mode = WAL");
            s.execute("ANALYZE");
        }
    }

    private void members(Connection c) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("UPDATE member SET email_verified_at = " + now);
        }
        try (var insert = c.prepareStatement("""
                INSERT INTO member (id, email, email_key, name, password_hash, locale, created_at, email_verified_at)
                SELECT ?, ?, ?, ?, password_hash, ?, ?, ? FROM member WHERE id = 1""")) {
            for (int id = 2; id <= shape.members(); id++) {
                String email = "member" + id + "@example.test";
                insert.setInt(1, id);
                insert.setString(2, email);
                insert.setString(3, email);
                insert.setString(4, "Member " + id);
                insert.setString(5, id % 3 == 0 ? "en" : "fr");
                insert.setLong(6, yearAgo);
                insert.setLong(7, yearAgo);
                add(insert, id);
            }
            insert.executeBatch();
        }
    }

    /** Members 1 to 50 own one organisation each. */
    private void organisations(Connection c) throws SQLException {
        try (var organisation = c.prepareStatement("INSERT INTO organisation (id, name, description, created_at) VALUES (?, ?, ?, ?)");
             var owner = c.prepareStatement("INSERT INTO organisation_staff (organisation_id, member_id, role, added_at) VALUES (?, ?, 'OWNER', ?)")) {
            for (int id = 1; id <= ORGANISATIONS; id++) {
                organisation.setInt(1, id);
                organisation.setString(2, "Maison " + id);
                organisation.setString(3, "Makers of " + words(4));
                organisation.setLong(4, yearAgo);
                organisation.addBatch();
                owner.setInt(1, id);
                owner.setInt(2, id);
                owner.setLong(3, yearAgo);
                owner.addBatch();
            }
            organisation.executeBatch();
            owner.executeBatch();
        }
    }

    /**
     * Open public challenges; the first holds a tenth of all contributions, the others share the rest by a
     * power law. Returns each challenge's number of contributions, by id.
     */
    private int[] challenges(Connection c) throws SQLException {
        int n = shape.challenges();
        int[] sizes = new int[n + 1];
        sizes[1] = shape.contributions() / 10;
        double[] weights = new double[n + 1];
        double sum = 0;
        for (int id = 2; id <= n; id++) sum += weights[id] = Math.pow(id - 1, -0.9);
        int left = shape.contributions() - sizes[1];
        for (int id = 2; id <= n; id++) sizes[id] = (int) Math.floor(left * weights[id] / sum);
        sizes[2] += shape.contributions() - Arrays.stream(sizes).sum();
        try (var insert = c.prepareStatement("""
                INSERT INTO challenge (id, organisation_id, title, brief, stage, mode, kinds, state, opens_at, closes_at, opened_at,
                                       created_by, created_at, contribution_count)
                VALUES (?, ?, ?, ?, 'IDEA_GENERATION', 'OUTSIDE_IN', 'EXPERIENCE,IDEA', 'OPEN', ?, ?, ?, ?, ?, ?)""")) {
            for (int id = 1; id <= n; id++) {
                int organisation = 1 + (id - 1) % ORGANISATIONS;
                long opened = yearAgo + (long) (random.nextDouble() * (now - yearAgo) / 2);
                insert.setInt(1, id);
                insert.setInt(2, organisation);
                insert.setString(3, "Challenge " + id + ": " + words(5));
                insert.setString(4, "What would make the " + words(3) + " better? " + words(40));
                insert.setLong(5, opened);
                insert.setLong(6, now + Duration.ofDays(60).toMillis());
                insert.setLong(7, opened);
                insert.setInt(8, organisation);
                insert.setLong(9, opened);
                insert.setInt(10, sizes[id]);
                add(insert, id);
            }
            insert.executeBatch();
        }
        return sizes;
    }

    /** Contributions challenge by challenge, each with its votes and comments written with it. */
    private void contributions(Connection c, int[] sizes) throws SQLException {
        double votesPerWeight = shape.votes() / (double) shape.contributions() / meanPareto();
        double commentsPerWeight = (shape.comments() - LONG_DISCUSSION) / (double) shape.contributions() / meanPareto();
        try (var contribution = c.prepareStatement("""
                INSERT INTO contribution (id, challenge_id, author_id, kind, title, body, vote_count, comment_count, trending,
                                          created_at, updated_at, shuffle_key, excerpt) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""");
             var vote = c.prepareStatement("INSERT INTO vote (contribution_id, member_id, created_at) VALUES (?, ?, ?)");
             var comment = c.prepareStatement("""
                     INSERT INTO comment (id, contribution_id, author_id, parent_id, body, created_at, updated_at)
                     VALUES (?, ?, ?, ?, ?, ?, ?)""")) {
            int id = 0;
            long commentId = 0;
            for (int challenge = 1; challenge < sizes.length; challenge++) {
                for (int i = 0; i < sizes[challenge]; i++) {
                    id++;
                    long created = yearAgo + (long) ((now - yearAgo) * (id / (double) shape.contributions()));
                    int votes = (int) Math.min(shape.members() - 1, Math.round(pareto() * votesPerWeight));
                    int comments = id == 1 ? LONG_DISCUSSION : (int) Math.min(LONG_DISCUSSION - 1, Math.round(pareto() * commentsPerWeight));
                    contribution.setInt(1, id);
                    contribution.setInt(2, challenge);
                    contribution.setInt(3, author());
                    contribution.setString(4, KINDS[id % KINDS.length]);
                    contribution.setString(5, "Idea " + id + ": " + words(6));
                    String body = words(60);
                    contribution.setString(6, body);
                    contribution.setString(13, Markdown.plainText(body, ContributionService.EXCERPT));
                    contribution.setInt(7, votes);
                    contribution.setInt(8, comments);
                    contribution.setDouble(9, Ranking.trending(votes, Instant.ofEpochMilli(created)));
                    contribution.setLong(10, created);
                    contribution.setLong(11, created);
                    contribution.setLong(12, (long) (random.nextDouble() * Sort.SPAN));
                    add(contribution, id);
                    int first = random.nextInt(shape.members());
                    for (int v = 0; v < votes; v++) {
                        vote.setInt(1, id);
                        vote.setInt(2, 1 + (first + v) % shape.members());
                        vote.setLong(3, created + v * 1_000L);
                        add(vote, v);
                    }
                    long firstOfThread = commentId + 1;
                    for (int k = 0; k < comments; k++) {
                        commentId++;
                        comment.setLong(1, commentId);
                        comment.setInt(2, id);
                        comment.setInt(3, author());
                        if (k > 0 && random.nextInt(10) < 3) comment.setLong(4, firstOfThread + random.nextInt(k));
                        else comment.setNull(4, Types.INTEGER);
                        comment.setString(5, words(25));
                        comment.setLong(6, created + k * 60_000L);
                        comment.setLong(7, created + k * 60_000L);
                        add(comment, (int) commentId);
                    }
                }
            }
            contribution.executeBatch();
            vote.executeBatch();
            comment.executeBatch();
        }
    }

    private void add(PreparedStatement statement, int n) throws SQLException {
        statement.addBatch();
        if (n % BATCH == 0) statement.executeBatch();
    }

    /** Authors follow a power law too: a few members write much. */
    private int author() {
        return 1 + (int) Math.min(shape.members() - 1, Math.floor(shape.members() * Math.pow(random.nextDouble(), 3)));
    }

    /** A Pareto draw with shape 1.5 and minimum 1: most are small, a few are very large. */
    private double pareto() {
        return Math.pow(1 - random.nextDouble(), -1 / 1.5) - 1;
    }

    private static double meanPareto() {
        return 1 / (1.5 - 1);
    }

    private String words(int count) {
        var text = new StringBuilder();
        for (int i = 0; i < count; i++) text.append(i == 0 ? "" : " ").append(WORDS[random.nextInt(WORDS.length)]);
        return text.toString();
    }
}
