package app.atelier.db;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import app.atelier.App;
import app.atelier.Config;
import app.atelier.support.CapturedLog;
import app.atelier.support.Site;
import app.atelier.support.SqliteOnly;
import app.atelier.support.TestClock;
import app.atelier.support.TestDatabase;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Starting on a folder or file that cannot be used, a start that dies half-way, two starts at once, and a full disk. */
@SqliteOnly
class StartAndDiskTest {
    @TempDir
    Path dir;

    @Test
    void aFolderThatCannotBeMadeStopsTheStartWithOneClearLine() throws IOException {
        Path blocker = Files.writeString(dir.resolve("not-a-folder"), "x");
        var failure = assertThrows(Database.StartFailure.class,
                () -> App.create(TestDatabase.config(blocker.resolve("data")), new TestClock(Site.START)));
        assertTrue(failure.getMessage().contains(blocker.resolve("data").toString()), failure.getMessage());
        assertFalse(failure.getMessage().contains("\n"), "one line");
    }

    @Test
    void aNewDatabaseGetsItsFirstContentWholeOrNotAtAll() {
        String url = "jdbc:sqlite:" + dir.resolve("atelier.db");
        var failure = assertThrows(Database.StartFailure.class, () -> Database.open(url, db -> {
            db.execute(h -> h.execute("INSERT INTO organisation (name, created_at) VALUES ('Half', 0)"));
            throw new IllegalStateException("the machine stops here");
        }));
        assertTrue(failure.getMessage().endsWith("the machine stops here"), "says what failed: " + failure.getMessage());
        assertFalse(Files.exists(dir.resolve("atelier.db")), "nothing half-written is left where a start would keep it");
        try (var db = Database.open(url, d -> d.execute(h -> h.execute("INSERT INTO organisation (name, created_at) VALUES ('Whole', 0)")))) {
            List<String> names = db.read(h -> h.createQuery("SELECT name FROM organisation").mapTo(String.class).list());
            assertEquals(List.of("Whole"), names);
        }
        try (var db = Database.open(url, d -> d.execute(h -> h.execute("INSERT INTO organisation (name, created_at) VALUES ('Again', 0)")))) {
            int count = db.read(h -> h.createQuery("SELECT count(*) FROM organisation").mapTo(Integer.class).one());
            assertEquals(1, count, "only a new file gets it");
        }
    }

    @Test
    void twoInstancesStartingAtOnceOnAnEmptyDatabaseBothStart() throws Exception {
        var config = TestDatabase.config(dir);
        var pool = Executors.newFixedThreadPool(2);
        var seeded = new AtomicInteger();
        try {
            List<Callable<Database>> starts = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                starts.add(() -> Database.open(config.dbUrl(), db -> {
                    seeded.incrementAndGet();
                    db.execute(h -> h.execute("INSERT INTO organisation (name, created_at) VALUES ('Demo', 0)"));
                }));
            }
            var opened = pool.invokeAll(starts);
            for (var f : opened) {
                try (var db = f.get()) {
                    int count = db.read(h -> h.createQuery("SELECT count(*) FROM organisation").mapTo(Integer.class).one());
                    assertEquals(1, count);
                }
            }
            assertEquals(1, seeded.get(), "the demo is written once");
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void healthWarnsOfLowSpaceAndFailsOnlyBelowTheThresholdSet() throws Exception {
        long more = 1_000_000_000L;
        Site.run(TestDatabase.config(dir).withOperations(new Config.Operations(null, Duration.ZERO, more, 0, false)), new TestClock(Site.START), site -> {
            try (var log = new CapturedLog()) {
                var health = site.visitor().get("/health");
                assertEquals(200, health.code(), "low on space, but writes are made: the instance stays in service");
                assertTrue(health.body().string().contains("MB free, low"));
                assertTrue(log.text().contains("MB free where Atelier keeps its data"), "the log warns");
            }
        });
        Site.run(TestDatabase.config(dir).withOperations(new Config.Operations(null, Duration.ZERO, 512, more, false)), new TestClock(Site.START), site -> {
            var health = site.visitor().get("/health");
            assertEquals(503, health.code(), "below the threshold the operator set");
            assertTrue(health.body().string().contains("below " + more + " MB"));
        });
    }

    @Test
    void healthSaysHowTheDatabaseAndTheDiskAre() {
        Site.run(dir, site -> {
            String health = site.visitor().page("/health");
            assertTrue(health.startsWith("ok\ndatabase: ok\ndisk: "), health);
            assertTrue(health.contains("MB free"), health);
        });
    }

    /** A small disk of its own, where this machine lets us mount one; the run says so when it cannot. */
    private static boolean mount(Path where, String options) throws Exception {
        Files.createDirectories(where);
        var process = new ProcessBuilder("mount", "-t", "tmpfs", "-o", options, "tmpfs", where.toString()).redirectErrorStream(true).start();
        return process.waitFor() == 0;
    }

    private static void unmount(Path where) throws Exception {
        new ProcessBuilder("umount", where.toString()).redirectErrorStream(true).start().waitFor();
    }

    @Test
    void aFullDiskGivesA503PageAndAnUnhealthyHealthAndNothingSavedIsLost() throws Exception {
        Path disk = dir.resolve("disk");
        assumeTrue(mount(disk, "size=4m"), "this machine does not let the test mount a small disk");
        try {
            Site.run(TestDatabase.config(disk), new TestClock(Site.START), site -> {
                var owner = site.member("Claire Vidal");
                long challenge = site.openChallenge(owner, site.organisation(owner, "Maison Vidal"), "A lighter pan");
                long id = site.contribute(owner, challenge, "Saved before");
                Path filler = disk.resolve("filler");
                try (var out = Files.newOutputStream(filler)) {
                    byte[] block = new byte[64 * 1024];
                    while (true) out.write(block);
                } catch (IOException full) {
                    // the disk is full now
                }
                var refused = owner.post("/contributions/" + id + "/comments", "body", "x".repeat(9_000));
                assertEquals(503, refused.code());
                assertTrue(refused.body().string().contains("cannot save anything right now"));
                assertTrue(refused.headers().get("Retry-After") != null);
                var health = site.visitor().get("/health");
                assertEquals(503, health.code());
                assertTrue(health.body().string().contains("database: cannot save"));
                Files.delete(filler);
                assertTrue(owner.page("/contributions/" + id).contains("Saved before"), "nothing saved before is lost");
                assertEquals(302, owner.post("/contributions/" + id + "/comments", "body", "Room again").code());
            });
        } finally {
            unmount(disk);
        }
    }

    @Test
    void aReadOnlyDatabaseStopsTheStartWithOneClearLine() throws Exception {
        Path disk = dir.resolve("ro");
        assumeTrue(mount(disk, "size=4m"), "this machine does not let the test mount a small disk");
        try {
            Site.run(TestDatabase.config(disk), new TestClock(Site.START), site -> site.member("Claire Vidal"));
            var remount = new ProcessBuilder("mount", "-o", "remount,ro", disk.toString()).redirectErrorStream(true).start();
            assertEquals(0, remount.waitFor());
            var failure = assertThrows(Database.StartFailure.class, () -> App.create(TestDatabase.config(disk), new TestClock(Site.START)));
            assertTrue(failure.getMessage().contains(disk.toString()), failure.getMessage());
            assertFalse(failure.getMessage().contains("\n"));
        } finally {
            unmount(disk);
        }
    }
}
