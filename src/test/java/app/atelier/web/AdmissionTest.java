package app.atelier.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.atelier.Config;
import app.atelier.support.Site;
import app.atelier.support.TestClock;
import app.atelier.support.TestDatabase;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AdmissionTest {
    @TempDir
    Path dir;

    private static Config withPlaces(Config config, int places) {
        return config.withLimits(config.limits().withRequestsAtOnce(places));
    }

    @Test
    void aRequestBeyondThePlacesIsToldAtOnceToComeBack() {
        Site.run(withPlaces(TestDatabase.config(dir), 0), new TestClock(Site.START), site -> {
            var refused = site.visitor().get("/");
            assertEquals(503, refused.code());
            assertEquals("1", refused.headers().get("Retry-After").get(0));
            assertEquals("nosniff", refused.headers().get("X-Content-Type-Options").get(0), "with the usual headers");
            assertTrue(refused.body().string().contains("Atelier is very busy right now."));
        });
    }

    @Test
    void everyRequestGivesItsPlaceBackWhateverItsAnswer() throws Exception {
        Site.run(withPlaces(TestDatabase.config(dir), 2), new TestClock(Site.START), site -> {
            var pan = site.openChallenge("A lighter pan");
            var codes = ConcurrentHashMap.<Integer>newKeySet();
            var pool = Executors.newFixedThreadPool(16);
            try {
                var answers = new ArrayList<Future<?>>();
                for (int i = 0; i < 200; i++) {
                    String path = List.of("/", "/challenges/" + pan.challenge(), "/nowhere", "/organisations/1/audit").get(i % 4);
                    answers.add(pool.submit(() -> codes.add(site.visitor().get(path).code())));
                }
                for (var answer : answers) answer.get();
            } finally {
                pool.shutdown();
            }
            assertTrue(Set.of(200, 302, 404, 503).containsAll(codes), "pages, a sign-in redirect, not found, or come back: " + codes);
            for (int i = 0; i < 10; i++) assertEquals(200, site.visitor().get("/").code(), "no place was kept by a request that ended");
        });
    }
}
