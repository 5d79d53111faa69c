package app.atelier.db;

import static org.junit.jupiter.api.Assertions.assertTrue;

import app.atelier.support.OnceOnSqlite;
import app.atelier.support.Site;
import app.atelier.support.Slow;
import app.atelier.support.TestClock;
import app.atelier.support.TestDatabase;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A start with demo data on a machine whose processors are all taken by other work: slower, never given up. */
@OnceOnSqlite
@Slow
class SaturatedStartTest {
    @TempDir
    Path dir;

    @Test
    void aStartWithDemoDataSucceedsWhileOtherThreadsSaturateTheProcessors() throws Exception {
        var busy = new AtomicBoolean(true);
        var spinners = new ArrayList<Thread>();
        for (int i = 0; i < 4 * Runtime.getRuntime().availableProcessors(); i++) {
            var spinner = new Thread(() -> {
                long x = 0;
                while (busy.get()) x += System.nanoTime() % 7;
                if (x == 42) System.out.print("");
            });
            spinner.setDaemon(true);
            spinner.start();
            spinners.add(spinner);
        }
        try {
            Site.run(TestDatabase.config(dir).withDemo(true), new TestClock(Site.START),
                    site -> assertTrue(site.visitor().page("/").contains("Maison Verdier"), "the demo is there"));
        } finally {
            busy.set(false);
            for (var spinner : spinners) spinner.join();
        }
    }

}
