package app.atelier.db;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import app.atelier.support.CapturedLog;
import app.atelier.support.Gate;
import app.atelier.support.Site;
import app.atelier.support.TestClock;
import app.atelier.support.TestDatabase;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * PostgreSQL going away, with a gate between the app and the server that the test shuts and opens: a start waits for
 * it and goes on once it answers; requests caught by an outage are told the truth (503, nothing saved is lost),
 * never a failure; and every write acknowledged before, during or after is there.
 */
class DatabaseAwayTest {
    @TempDir
    Path dir;

    @Test
    void aStartWaitsForItsDatabaseAndGoesOnOnceItAnswers() throws Exception {
        assumeTrue(TestDatabase.onPostgresql(), "about a database server");
        String url = TestDatabase.url(dir);
        try (var gate = Gate.before(url, false); var log = new CapturedLog()) {
            var opening = CompletableFuture.supplyAsync(() -> Database.open(gate.url(url), Database.Login.NONE, Duration.ofSeconds(60), null));
            log.await(Pattern.compile("(attempt 2): the database"), Duration.ofSeconds(30));
            assertFalse(opening.isDone(), "still waiting");
            gate.open();
            try (var db = opening.get(60, TimeUnit.SECONDS)) {
                assertTrue(db.answers());
            }
        }
        try (var gate = Gate.before(url, false)) {
            var failure = assertThrows(Database.StartFailure.class, () -> Database.open(gate.url(url), Database.Login.NONE, Duration.ofSeconds(3), null));
            assertFalse(failure.getMessage().contains("\n"), "one line");
            assertFalse(failure.getMessage().endsWith("null"), "says what failed: " + failure.getMessage());
        }
    }

    @Test
    void anOutageIsToldHonestlyAndLosesNothingAcknowledged() throws Exception {
        assumeTrue(TestDatabase.onPostgresql(), "about a database server");
        String direct = TestDatabase.url(dir);
        try (var gate = Gate.before(direct, true)) {
            var config = TestDatabase.config(dir).withDatabase(gate.url(direct), Database.Login.NONE);
            Site.run(config, new TestClock(Site.START), site -> {
                var scene = site.openChallenge("A lighter pan").withIdea("Eve Adams", "Hollow handle");
                String page = "/contributions/" + scene.idea();
                Map<Integer, Integer> statuses = new ConcurrentHashMap<>();
                Set<String> acknowledged = ConcurrentHashMap.newKeySet();
                Set<String> said = ConcurrentHashMap.newKeySet();
                var running = new AtomicBoolean(true);
                List<Thread> load = new ArrayList<>();
                for (int t = 0; t < 2; t++) {
                    int thread = t;
                    load.add(new Thread(() -> {
                        for (int i = 0; running.get(); i++) {
                            String body = "Comment " + thread + "-" + i;
                            var posted = scene.author().post(page + "/comments", "body", body);
                            statuses.merge(posted.code(), 1, Integer::sum);
                            if (posted.code() == 302) acknowledged.add(body);
                            var read = scene.author().get(page);
                            statuses.merge(read.code(), 1, Integer::sum);
                            if (read.code() == 503) said.add(read.body().string());
                        }
                    }));
                }
                load.forEach(Thread::start);
                Thread.sleep(1_000);
                gate.shut();
                Thread.sleep(3_000);
                gate.open();
                long until = System.nanoTime() + Duration.ofSeconds(30).toNanos();
                while (scene.author().get(page).code() != 200 && System.nanoTime() < until) Thread.sleep(200);
                Thread.sleep(1_000);
                running.set(false);
                for (var thread : load) thread.join();

                var counted = new TreeMap<>(statuses);
                assertFalse(counted.containsKey(500), "no failure: " + counted);
                assertTrue(counted.getOrDefault(503, 0) > 0, "the outage was told: " + counted);
                assertTrue(said.stream().allMatch(text -> text.contains("cannot reach its database")), "in words");
                assertEquals(200, scene.author().get(page).code(), "back by itself");
                for (String body : acknowledged) assertEquals(1, site.count("SELECT count(*) FROM comment WHERE body = ?", body), body + " is there");
            });
        }
    }
}
