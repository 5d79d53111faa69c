package app.atelier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.atelier.support.ChildApp;
import app.atelier.support.Site;
import app.atelier.support.Slow;
import app.atelier.support.SqliteOnly;
import app.atelier.support.TestClock;
import app.atelier.support.TestDatabase;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The app as a child process under a load of contributions, comments, votes and ledger deposits (each with its
 * receipt), killed with SIGKILL at random moments: after each restart every write that was answered with success is
 * there, the ledger sums to zero, counters equal their rows, no transaction is half-written and the documents'
 * numbers run without a gap or a double.
 */
@SqliteOnly
@Slow
class CrashTest {
    private static final int KILLS = 5;
    private static final HttpClient HTTP = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(2)).build();

    @TempDir
    Path dir;

    /** A signed-in person of the set-up, by session cookie and form token, on whatever instance runs. */
    private record Person(long memberId, String session, String csrf) {
    }

    /** What the instances answered with success, which must all still be there after each kill. */
    private final Set<Long> contributions = ConcurrentHashMap.newKeySet();
    private final Set<Long> comments = ConcurrentHashMap.newKeySet();
    private final Set<String> votes = ConcurrentHashMap.newKeySet();
    private final Set<String> deposits = ConcurrentHashMap.newKeySet();

    @Test
    void killedAtRandomItLosesNothingItAcknowledged() throws Exception {
        var people = new ArrayList<Person>();
        long[] ids = new long[2];
        var config = TestDatabase.config(dir).withAdmins("admin@example.test");
        // Set up in process, three days ago, so that first-day limits are behind everyone when the child serves now.
        Site.run(config, new TestClock(Instant.now().minus(Duration.ofDays(3))), site -> {
            var owner = site.member("Claire Vidal");
            long org = site.organisation(owner, "Maison Vidal");
            ids[0] = site.openChallenge(owner, org, "A lighter pan", "closesOn", LocalDate.now(ZoneOffset.UTC).plusDays(30).toString());
            ids[1] = org;
            for (String name : List.of("Ann Lee", "Ben Cole", "Cat Moss")) {
                var b = site.member(name);
                people.add(new Person(b.memberId, b.cookie("atelier_session"), b.csrf()));
            }
            var admin = site.signUp("Ada Admin", "admin@example.test");
            site.verify(admin);
            people.add(new Person(admin.memberId, admin.cookie("atelier_session"), admin.csrf()));
        });
        var random = new Random(20261124);
        int survived = 0;
        for (int kill = 1; kill <= KILLS; kill++) {
            try (var child = ChildApp.start(dir, Integer.toString(kill))) {
                var running = new AtomicBoolean(true);
                var threads = new ArrayList<Thread>();
                for (int i = 0; i < people.size(); i++) {
                    var person = people.get(i);
                    boolean admin = i == people.size() - 1;
                    long seed = random.nextLong();
                    threads.add(new Thread(() -> work(child.port, person, admin, ids[0], ids[1], seed, running)));
                }
                threads.forEach(Thread::start);
                Thread.sleep(1_000 + random.nextInt(3_000));
                child.kill();
                running.set(false);
                for (var t : threads) t.join();
            }
            try (var child = ChildApp.start(dir, Integer.toString(100 + kill))) {
                check(child.port);
                survived++;
            }
        }
        assertEquals(KILLS, survived);
        Files.writeString(Path.of("target", "crash-results.txt"), "%d kills with SIGKILL, each restart checked: %d contributions, %d comments, %d votes and %d deposits acknowledged, none lost%n"
                .formatted(survived, contributions.size(), comments.size(), votes.size(), deposits.size()));
        assertTrue(contributions.size() > 10 && comments.size() > 10 && votes.size() > 10 && deposits.size() > 5,
                "the load wrote: " + contributions.size() + " contributions, " + comments.size() + " comments, " + votes.size() + " votes, " + deposits.size() + " deposits");
    }

    /** One person's writes until the instance dies: contributions, comments and votes, or an admin's deposits. */
    private void work(int port, Person person, boolean admin, long challenge, long org, long seed, AtomicBoolean running) {
        var random = new Random(seed);
        for (int n = 0; running.get(); n++) {
            try {
                if (admin) {
                    String reference = "CRASH-" + seed + "-" + n;
                    if (post(port, person, "/admin/deposits", "confirmed", "yes", "organisation", Long.toString(org), "amount", "12", "reference", reference) == null) continue;
                    deposits.add("deposit:" + org + ":" + reference);
                    continue;
                }
                var known = List.copyOf(contributions);
                int choice = known.isEmpty() ? 0 : random.nextInt(3);
                if (choice == 0) {
                    String at = post(port, person, "/challenges/" + challenge + "/contributions", "kind", "IDEA", "title", "Idea " + seed + "-" + n,
                            "body", "Written under load.", "anyway", "yes");
                    if (at != null) contributions.add(Long.parseLong(at.replaceAll("\\D", "")));
                } else if (choice == 1) {
                    long on = known.get(random.nextInt(known.size()));
                    String at = post(port, person, "/contributions/" + on + "/comments", "body", "Comment " + n);
                    if (at != null) comments.add(Long.parseLong(at.replaceAll(".*#comment-", "")));
                } else {
                    long on = known.get(random.nextInt(known.size()));
                    if (post(port, person, "/contributions/" + on + "/vote") != null) votes.add(on + ":" + person.memberId());
                }
            } catch (IOException | InterruptedException dead) {
                // The instance died under this request: it was never acknowledged.
            }
        }
    }

    /** Posts a form; the address it redirects to when it succeeded, or null when it was refused. */
    private static String post(int port, Person person, String path, String... fields) throws IOException, InterruptedException {
        var form = new StringBuilder("csrf=" + person.csrf());
        for (int i = 0; i < fields.length; i += 2) {
            form.append('&').append(fields[i]).append('=').append(URLEncoder.encode(fields[i + 1], StandardCharsets.UTF_8));
        }
        var request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).timeout(Duration.ofSeconds(5))
                .header("Cookie", "atelier_session=" + person.session()).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form.toString())).build();
        var response = HTTP.send(request, HttpResponse.BodyHandlers.discarding());
        return response.statusCode() == 302 ? response.headers().firstValue("Location").orElse("") : null;
    }

    /** Everything acknowledged is there and every invariant holds, read from the file the restarted instance serves. */
    private void check(int port) throws Exception {
        try (var c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("atelier.db")); var s = c.createStatement()) {
            assertTrue(longs(s, "SELECT id FROM contribution").containsAll(contributions), "every contribution acknowledged");
            assertTrue(longs(s, "SELECT id FROM comment").containsAll(comments), "every comment acknowledged");
            assertTrue(strings(s, "SELECT contribution_id || ':' || member_id FROM vote").containsAll(votes), "every vote acknowledged");
            assertTrue(strings(s, "SELECT idempotency_key FROM ledger_transaction").containsAll(deposits), "every deposit acknowledged");
            assertEquals(0, one(s, "SELECT coalesce(sum(amount), 0) FROM ledger_posting"), "the ledger sums to zero");
            assertEquals(0, one(s, "SELECT count(*) FROM (SELECT transaction_id FROM ledger_posting GROUP BY transaction_id HAVING sum(amount) <> 0 OR count(*) < 2)"),
                    "no transaction half-written");
            assertEquals(0, one(s, "SELECT count(*) FROM ledger_transaction t WHERE NOT EXISTS (SELECT 1 FROM ledger_posting p WHERE p.transaction_id = t.id)"));
            assertEquals(0, one(s, "SELECT count(*) FROM ledger_account a WHERE balance <> (SELECT coalesce(sum(amount), 0) FROM ledger_posting p WHERE p.account_id = a.id)"),
                    "balances equal their postings");
            assertEquals(0, one(s, "SELECT count(*) FROM contribution k WHERE vote_count <> (SELECT count(*) FROM vote v WHERE v.contribution_id = k.id)"),
                    "vote counters equal their votes");
            assertEquals(0, one(s, "SELECT count(*) FROM contribution k WHERE comment_count <> (SELECT count(*) FROM comment x WHERE x.contribution_id = k.id)"),
                    "comment counters equal their comments");
            assertEquals(0, one(s, "SELECT count(*) FROM challenge c WHERE contribution_count <> (SELECT count(*) FROM contribution k WHERE k.challenge_id = c.id)"),
                    "contribution counters equal their contributions");
            assertEquals(0, one(s, "SELECT count(*) FROM ledger_transaction t WHERE t.event = 'DEPOSIT' AND (SELECT count(*) FROM document d "
                    + "WHERE d.payment = t.idempotency_key AND d.kind = 'RECEIPT') <> 1"), "every deposit has its receipt, once");
            assertEquals(0, one(s, "SELECT count(*) FROM (SELECT series FROM document GROUP BY series HAVING max(number) <> count(*) OR min(number) <> 1 "
                    + "OR count(DISTINCT number) <> count(*)) broken"), "each series numbered 1 to n, no gap, no double");
            assertEquals(0, one(s, "SELECT count(*) FROM document_series s WHERE last_number <> (SELECT count(*) FROM document d WHERE d.series = s.series)"),
                    "no number taken without its document");
            assertEquals("ok", strings(s, "PRAGMA integrity_check").iterator().next());
        }
        var health = HTTP.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/health")).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, health.statusCode(), health.body());
    }

    private static long one(Statement s, String sql) throws Exception {
        try (var rows = s.executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        }
    }

    private static Set<Long> longs(Statement s, String sql) throws Exception {
        return strings(s, sql).stream().map(Long::valueOf).collect(Collectors.toSet());
    }

    private static Set<String> strings(Statement s, String sql) throws Exception {
        var found = new HashSet<String>();
        try (var rows = s.executeQuery(sql)) {
            while (rows.next()) found.add(rows.getString(1));
        }
        return found;
    }
}
