package app.atelier.db;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import app.atelier.support.TestDatabase;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReadBoundTest {
    private static final String RUNAWAY = "WITH RECURSIVE n(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM n) SELECT count(*) FROM n WHERE x < 1000000000000";

    @TempDir
    Path dir;

    @Test
    void aReadPastItsBoundIsCutAndItsConnectionServesTheNext() {
        try (var db = Database.open(TestDatabase.url(dir))) {
            db.boundReads(Duration.ofMillis(300));
            var cut = assertThrows(Database.NotNow.class, () -> db.read(h -> h.createQuery(RUNAWAY).mapTo(Long.class).one()));
            assertEquals(Database.NotNow.Why.READ_TOO_SLOW, cut.why());
            for (int i = 0; i < 20; i++) assertEquals(Integer.valueOf(1), db.read(h -> h.createQuery("SELECT 1").mapTo(Integer.class).one()), "every connection answers again");
            db.shareReads();
            try {
                assertThrows(Database.NotNow.class, () -> db.read(h -> h.createQuery(RUNAWAY).mapTo(Long.class).one()), "a request's shared connection too");
                assertEquals(Integer.valueOf(2), db.read(h -> h.createQuery("SELECT 2").mapTo(Integer.class).one()));
            } finally {
                db.stopSharingReads();
            }
        }
    }
}
