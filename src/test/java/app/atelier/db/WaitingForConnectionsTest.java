package app.atelier.db;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.atelier.support.TestDatabase;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Work at start and in jobs has nobody to try again: it waits for its connections however long that takes, where a
 * request is told at once to come back.
 */
class WaitingForConnectionsTest {
    @TempDir
    Path dir;

    @Test
    void workOutsideARequestWaitsItsTurnWhereARequestIsToldToComeBack() throws Exception {
        try (var db = Database.open(TestDatabase.url(dir))) {
            var held = new CountDownLatch(db.readers());
            var release = new CountDownLatch(1);
            var holders = new ArrayList<Thread>();
            for (int i = 0; i < db.readers(); i++) {
                var holder = new Thread(() -> db.read(h -> {
                    h.createQuery("SELECT 1").mapTo(Integer.class).one();
                    held.countDown();
                    awaitQuietly(release);
                    return null;
                }));
                holder.start();
                holders.add(holder);
            }
            assertTrue(held.await(10, TimeUnit.SECONDS), "every read connection is taken");
            db.shareReads();
            try {
                var crowded = assertThrows(Database.NotNow.class, () -> db.read(h -> h.createQuery("SELECT 1").mapTo(Integer.class).one()));
                assertEquals(Database.NotNow.Why.CROWDED, crowded.why(), "a request is told to come back");
            } finally {
                db.stopSharingReads();
            }
            var releaser = new Thread(() -> {
                try {
                    Thread.sleep(2_500);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                release.countDown();
            });
            releaser.start();
            assertEquals(Integer.valueOf(1), db.read(h -> h.createQuery("SELECT 1").mapTo(Integer.class).one()), "start-up work waits past the pool's limit");
            releaser.join();
            for (var holder : holders) holder.join();
        }
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
