package app.atelier.db;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.atelier.App;
import app.atelier.support.Site;
import app.atelier.support.TestClock;
import app.atelier.support.TestDatabase;
import io.javalin.testtools.JavalinTest;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BusyConnectionsTest {
    @TempDir
    Path dir;

    @Test
    void aRequestThatFindsNoFreeConnectionIsToldToComeBackAndTheOthersStillWork() throws Exception {
        var config = TestDatabase.config(dir);
        var db = Database.open(config.dbUrl());
        var app = App.create(config, new TestClock(Site.START), db);
        ExecutorService slowPages = Executors.newCachedThreadPool();
        var held = new CountDownLatch(db.readers());
        var release = new CountDownLatch(1);
        try {
            JavalinTest.test(app, (server, client) -> {
                assertEquals(200, client.get("/").code());
                for (int i = 0; i < db.readers(); i++) {
                    slowPages.execute(() -> db.read(h -> {
                        h.createQuery("SELECT 1").mapTo(Integer.class).one();
                        held.countDown();
                        awaitQuietly(release);
                        return null;
                    }));
                }
                assertTrue(held.await(10, TimeUnit.SECONDS), "every read connection is taken");
                var busy = client.get("/", b -> b.header("Accept-Language", "en"));
                assertEquals(503, busy.code(), "a quick refusal, not a failure");
                assertEquals("1", busy.headers().get("Retry-After").get(0));
                assertTrue(busy.body().string().contains("very busy"), "says so in words");
                release.countDown();
                assertEquals(200, client.get("/").code(), "served again once a connection is free");
            });
        } finally {
            release.countDown();
            slowPages.shutdownNow();
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
