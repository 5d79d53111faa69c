package app.atelier.db;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.atelier.support.Site;
import app.atelier.support.TestClock;
import app.atelier.support.TestDatabase;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A write stuck behind a lock that something else holds (another instance's write on PostgreSQL, another process on
 * the SQLite file) waits its bound, then the person is told that nothing was saved; reads go on meanwhile.
 */
class WriteBoundTest {
    @TempDir
    Path dir;

    @Test
    void aWriteThatWaitsPastItsBoundIsTold503AndSavesNothing() throws Exception {
        var config = TestDatabase.config(dir);
        config = config.withLimits(config.limits().withWriteSeconds(1));
        Site.run(config, new TestClock(Site.START), site -> {
            var scene = site.openChallenge("A lighter pan").withIdea("Eve Adams", "Hollow handle");
            String comments = "/contributions/" + scene.idea() + "/comments";
            try (var holder = holdTheWriter(TestDatabase.url(dir))) {
                var refused = scene.author().post(comments, "body", "Stuck behind a lock");
                assertEquals(503, refused.code());
                assertTrue(refused.headers().get("Retry-After") != null);
                assertTrue(refused.body().string().contains("Nothing was saved"), "says so");
                assertTrue(scene.author().page("/contributions/" + scene.idea()).contains("Hollow handle"), "reads go on");
            }
            assertEquals(302, scene.author().post(comments, "body", "Once the lock is gone").code());
            assertEquals(0, site.count("SELECT count(*) FROM comment WHERE body = 'Stuck behind a lock'"));
            assertEquals(1, site.count("SELECT count(*) FROM comment WHERE body = 'Once the lock is gone'"));
        });
    }

    /** Another process's write on the file, or another instance's on the server: it holds what every write waits for. */
    private static Connection holdTheWriter(String url) throws Exception {
        var connection = DriverManager.getConnection(url);
        try (var statement = connection.createStatement()) {
            if (TestDatabase.onPostgresql()) {
                statement.execute("SELECT pg_advisory_lock(" + Database.WRITE_LOCK + ")");
            } else {
                statement.execute("BEGIN IMMEDIATE");
            }
        }
        return connection;
    }
}
