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
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A normal stop (SIGTERM, as {@code docker stop} or Ctrl-C sends it) of the app as a child process: it closes its
 * database, so that SQLite folds the write-ahead log into the file and removes it, and a restore that follows
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
        try (var child = ChildApp.start(dir, "serving")) {
            for (int i = 1; i <= 20; i++) assertEquals(302, child.post(eve[0], eve[1], "/contributions/" + idea[0] + "/comments", "body", "Comment " + i));
            assertTrue(Files.size(wal) > 0, "while it runs, the last writes are in the write-ahead log");
            copy = backups.take(Instant.now(), 3).file();
            var refused = assertThrows(IllegalStateException.class, () -> backups.restore(copy), "not while another process runs it");
            assertTrue(refused.getMessage().startsWith("Stop Atelier"), refused.getMessage());
            child.stop();
            assertTrue(Files.readString(child.log).contains("Atelier has stopped"), "the stop says it ended");
        }
        assertFalse(Files.exists(wal), "nothing is left in a write-ahead log");
        try (var c = DriverManager.getConnection("jdbc:sqlite:" + database); var s = c.createStatement(); var rows = s.executeQuery("SELECT count(*) FROM comment")) {
            assertTrue(rows.next());
            assertEquals(20, rows.getInt(1), "every acknowledged comment is in the file");
        }
        backups.restore(copy);
        try (var child = ChildApp.start(dir, "restored")) {
            assertEquals(302, child.post(eve[0], eve[1], "/contributions/" + idea[0] + "/comments", "body", "After the restore"));
        }
    }
}
