package app.atelier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.atelier.db.Backups;
import app.atelier.support.ChildApp;
import app.atelier.support.Site;
import app.atelier.support.Slow;
import app.atelier.support.SqliteOnly;
import app.atelier.support.TestClock;
import app.atelier.support.TestDatabase;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A normal stop (SIGTERM, as {@code docker stop} or Ctrl-C sends it) of the app as a child process under writes:
 * each write is answered whole or told to come back, every acknowledged one is kept, and it closes its database, so that SQLite folds the write-ahead log into the file and removes it, and a restore that follows
 * proceeds; while it runs, the restore refuses, whatever files lie beside the database.
 */
@SqliteOnly
@Slow
class StopTest {
    @TempDir
    Path dir;

    @Test
    void aStopLeavesNoWriteAheadLogAndARestoreFollowsIt() throws Exception {
        var config = TestDatabase.config(dir);
        String[] eve = new String[2];
        long[] idea = new long[1];
        Site.run(config, new TestClock(Instant.now().minus(Duration.ofDays(3))), site -> {
            var scene = site.openChallenge("A lighter pan").withIdea("Eve Adams", "Hollow handle");
            eve[0] = scene.author().cookie("atelier_session");
            eve[1] = scene.author().csrf();
            idea[0] = scene.idea();
        });
        Path database = dir.resolve("atelier.db");
        Path wal = dir.resolve("atelier.db-wal");
        var backups = new Backups(database, config.backups());
        Path copy;
        Set<String> acknowledged = ConcurrentHashMap.newKeySet();
        try (var child = ChildApp.start(dir, "serving")) {
            for (int i = 1; i <= 20; i++) {
                assertEquals(302, child.post(eve[0], eve[1], "/contributions/" + idea[0] + "/comments", "body", "Comment " + i));
                acknowledged.add("Comment " + i);
            }
            assertTrue(Files.size(wal) > 0, "while it runs, the last writes are in the write-ahead log");
            copy = backups.take(Instant.now(), 3).file();
            var refused = assertThrows(IllegalStateException.class, () -> backups.restore(copy), "not while another process runs it");
            assertTrue(refused.getMessage().startsWith("Stop Atelier"), refused.getMessage());
            var answers = new ConcurrentHashMap<Integer, Integer>();
            var stopping = new AtomicBoolean(false);
            var writer = new Thread(() -> {
                for (int i = 1; !stopping.get() || i % 10 != 0; i++) {
                    try {
                        int status = child.post(eve[0], eve[1], "/contributions/" + idea[0] + "/comments", "body", "During the stop " + i);
                        answers.merge(status, 1, Integer::sum);
                        if (status == 302) acknowledged.add("During the stop " + i);
                    } catch (IOException closed) {
                        return; // the server no longer takes connections
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            });
            writer.start();
            Thread.sleep(300);
            stopping.set(true);
            child.stop();
            writer.join();
            assertTrue(answers.keySet().stream().allMatch(status -> status == 302 || status == 503), "each answered whole, or told to come back: " + answers);
            assertTrue(Files.readString(child.log).contains("Atelier has stopped"), "the stop says it ended");
        }
        assertFalse(Files.exists(wal), "nothing is left in a write-ahead log");
        try (var c = DriverManager.getConnection("jdbc:sqlite:" + database); var s = c.createStatement(); var rows = s.executeQuery("SELECT body FROM comment")) {
            var stored = new HashSet<String>();
            while (rows.next()) stored.add(rows.getString(1));
            assertTrue(stored.containsAll(acknowledged), "every acknowledged comment is in the file, those of the last moment too");
        }
        backups.restore(copy);
        try (var child = ChildApp.start(dir, "restored")) {
            assertEquals(302, child.post(eve[0], eve[1], "/contributions/" + idea[0] + "/comments", "body", "After the restore"));
        }
    }
}
