package app.atelier.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.atelier.db.Database;
import app.atelier.db.FullText;
import app.atelier.recognition.KeptPoints;
import app.atelier.support.TestDatabase;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The first start's demo data is written through the services, so each rule they gain is a rule it must keep. */
class DemoDataTest {
    @TempDir
    Path dir;

    private static long count(Database db, String sql) {
        return db.read(h -> h.createQuery(sql).mapTo(Long.class).one());
    }

    @Test
    void theDemoCommunityIsWrittenWithEveryKindOfContribution() {
        var config = TestDatabase.config(dir);
        try (var db = Database.open(config.dbUrl(), fresh -> new DemoData(fresh, config).seed())) {
            assertEquals(6, count(db, "SELECT count(DISTINCT kind) FROM contribution"),
                    "ideas, test reports, validations, experiences, designs and application proposals");
            assertEquals(1, count(db, "SELECT count(*) FROM technology"));
            assertEquals(1, count(db, "SELECT count(*) FROM agreement"), "an inside-out challenge from its sheet to an agreement");
            assertTrue(count(db, "SELECT count(*) FROM report_answer") > 0 && count(db, "SELECT count(*) FROM validation_answer") > 0);
            assertEquals(2, count(db, "SELECT count(*) FROM design_image"));
            assertEquals(1, count(db, "SELECT count(*) FROM expert_session WHERE state = 'PAID' AND refunded = 600 AND billed = 2400"),
                    "a disputed session, its bill refunded in part");
            assertEquals(2, count(db, "SELECT count(*) FROM document WHERE kind = 'CREDIT_NOTE' AND member_id = (SELECT expert_id FROM expert_session)"),
                    "the expert's invoice and the platform's fee invoice, each cancelled by a credit note");
            assertEquals(0, count(db, "SELECT count(*) FROM challenge WHERE state = 'OPEN' AND question_count = 0 AND kinds LIKE '%TEST_REPORT%'"),
                    "every open challenge can be answered in each kind it lists");
            assertTrue(db.read(h -> h.createQuery("SELECT count(*) FROM <contributionFound> WHERE <contributionMatches>")
                    .bind("match", FullText.allWords("email")).mapTo(Long.class).one()) > 0, "searchable");
            var recognition = db.write(h -> KeptPoints.audit(h, config.zone()));
            assertTrue(recognition.events() > 50 && recognition.agrees(), "recognition kept as the demo earned it: " + recognition);
        }
    }
}
