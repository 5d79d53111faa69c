package app.atelier.db;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.atelier.support.Browser;
import app.atelier.support.Site;
import app.atelier.support.SqliteOnly;
import app.atelier.support.TestClock;
import app.atelier.support.TestDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@SqliteOnly
class BackupTest {
    @TempDir
    Path dir;

    private static Set<Long> comments(Path database) throws Exception {
        var ids = new HashSet<Long>();
        try (var c = DriverManager.getConnection("jdbc:sqlite:" + database); var s = c.createStatement(); var rows = s.executeQuery("SELECT id FROM comment")) {
            while (rows.next()) ids.add(rows.getLong(1));
        }
        return ids;
    }

    @Test
    void aCopyTakenUnderWritesIsSoundAndHoldsEveryWriteAcknowledgedBeforeIt() throws Exception {
        var config = TestDatabase.config(dir).withLimits(1_000, 100_000, 50);
        Site.run(config, new TestClock(Site.START), site -> {
            var pan = site.openChallenge("A lighter pan").withIdea("Eve Adams", "Hollow handle");
            var writers = new ArrayList<Browser>();
            for (String name : List.of("Ann Lee", "Ben Cole", "Cat Moss", "Dan Roe")) writers.add(site.member(name));
            site.clock.advance(Duration.ofDays(2)); // past a new member's first-day limits
            var acknowledged = ConcurrentHashMap.<Long>newKeySet();
            var running = new AtomicBoolean(true);
            var threads = writers.stream().map(w -> new Thread(() -> {
                for (int i = 0; running.get(); i++) {
                    var posted = w.post("/contributions/" + pan.idea() + "/comments", "body", "Comment " + i);
                    assertEquals(302, posted.code(), "every write succeeds during the copy");
                    acknowledged.add(Long.parseLong(Site.location(posted).replaceAll(".*#comment-", "")));
                }
            })).toList();
            threads.forEach(Thread::start);
            while (acknowledged.size() < 50) Thread.sleep(20);
            Set<Long> before = Set.copyOf(acknowledged);
            var backups = new Backups(dir.resolve("atelier.db"), config.backups());
            var copy = backups.take(Instant.parse("2026-03-04T03:00:00Z"), 7);
            Thread.sleep(300);
            running.set(false);
            for (var t : threads) t.join();

            assertTrue(Backups.intact(copy.file()), "PRAGMA integrity_check passes on the copy");
            Set<Long> copied = comments(copy.file());
            assertTrue(copied.containsAll(before), "every comment acknowledged before the copy began is in it");
            assertTrue(acknowledged.size() > before.size(), "writes went on while it was taken");
            assertEquals("atelier-20260304-030000.db", copy.file().getFileName().toString());
        });
    }

    @Test
    void onlyTheNewestCopiesAreKeptAndOneIsRestoredWhileStopped() throws Exception {
        var config = TestDatabase.config(dir);
        var backups = new Backups(dir.resolve("atelier.db"), config.backups());
        Site.run(config, new TestClock(Site.START), site -> {
            site.openChallenge("A lighter pan").withIdea("Eve Adams", "Hollow handle");
            for (int day = 1; day <= 3; day++) backups.take(Instant.parse("2026-03-0" + day + "T03:00:00Z"), 2);
            assertEquals(List.of("atelier-20260303-030000.db", "atelier-20260302-030000.db"),
                    backups.copies().stream().map(p -> p.getFileName().toString()).toList(), "the newest two");
            var ex = assertThrows(IllegalStateException.class, () -> backups.restore(backups.copies().get(0)), "not while it runs");
            assertTrue(ex.getMessage().startsWith("Stop Atelier"));
            site.execute("DELETE FROM contribution");
        });
        Path broken = dir.resolve("broken.db");
        Files.writeString(broken, "not a database");
        assertThrows(IllegalStateException.class, () -> backups.restore(broken));
        backups.restore(backups.copies().get(0));
        Site.run(config, new TestClock(Site.START), site -> assertEquals(1, site.count("SELECT count(*) FROM contribution"), "the idea is back"));
        assertFalse(Files.exists(dir.resolve("atelier.db.restoring")));
    }
}
