package app.atelier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.atelier.support.Browser;
import app.atelier.support.Site;
import app.atelier.support.TestClock;
import app.atelier.support.TestDatabase;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RestartTest {
    @TempDir
    Path dir;

    @Test
    void dataAndSessionsSurviveARestart() {
        var config = TestDatabase.config(dir);
        var clock = new TestClock(Site.START);
        var eve = new AtomicReference<Browser>();
        var ids = new long[2];
        Site.run(config, clock, site -> {
            var owner = site.member("Claire Vidal");
            ids[0] = site.openChallenge(owner, site.organisation(owner, "Maison Vidal"), "A lighter pan");
            eve.set(site.member("Eve Adams"));
            ids[1] = site.contribute(eve.get(), ids[0], "Hollow handle");
        });
        Site.run(config, clock, site -> {
            var sameBrowser = eve.get().on(site.app);
            String home = sameBrowser.page("/");
            assertTrue(home.contains("Eve Adams"), "still signed in after the restart");
            assertTrue(sameBrowser.page("/contributions/" + ids[1]).contains("Hollow handle"));
            assertEquals(302, sameBrowser.post("/contributions/" + ids[1] + "/comments", "body", "Still here").code());
            assertEquals(0, site.count("SELECT count(*) - count(DISTINCT version) FROM flyway_schema_history"), "each migration ran once");
        });
    }
}
