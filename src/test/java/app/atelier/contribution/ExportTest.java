package app.atelier.contribution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.atelier.support.Html;
import app.atelier.support.Site;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExportTest {
    @TempDir
    Path dir;

    @Test
    void staffDownloadTheContributionsAsCsvWithEveryCellQuotedAndFormulasMadeInert() {
        Site.run(dir, site -> {
            var pan = site.openChallenge("A lighter pan").withIdea("Eve Adams", "Hollow handle");
            long odd = site.contribute(pan.author(), pan.challenge(), "=HYPERLINK(\"http://evil\"), with \"quotes\", commas");
            site.member("Bob Stone").post("/contributions/" + pan.idea() + "/vote");
            String link = Html.of(pan.owner().page("/challenges/" + pan.challenge())).link("a[download]");
            assertTrue(site.visitor().page("/challenges/" + pan.challenge()).indexOf("contributions.csv") < 0, "offered to staff only");
            var response = pan.owner().get(link);
            assertEquals(200, response.code());
            assertTrue(response.headers().get("Content-Type").get(0).startsWith("text/csv"));
            assertTrue(response.headers().get("Content-Disposition").get(0).startsWith("attachment;"));
            var lines = response.body().string().split("\r\n", -1);
            assertEquals(4, lines.length, "a header and two contributions");
            assertEquals("", lines[3], "every line ended by CRLF, the last too");
            assertEquals("\uFEFF\"id\",\"title\",\"kind\",\"status\",\"votes\",\"comments\",\"author\",\"submitted\",\"hidden\",\"link\"", lines[0]);
            assertTrue(lines[1].startsWith(pan.idea() + ",\"Hollow handle\",\"IDEA\",\"SUBMITTED\",1,0,\"Eve Adams\","), lines[1]);
            assertTrue(lines[2].startsWith(odd + ",\"'=HYPERLINK(\"\"http://evil\"\"), with \"\"quotes\"\", commas\","), lines[2]);
            assertTrue(lines[2].endsWith(",\"no\",\"http://localhost/contributions/" + odd + "\""), "a link that opens from a spreadsheet: " + lines[2]);
        });
    }

    @Test
    void onlyTheChallengesOwnStaffMayDownloadIt() {
        Site.run(dir, site -> {
            var pan = site.openChallenge("A lighter pan").withIdea("Eve Adams", "Hollow handle");
            String path = "/challenges/" + pan.challenge() + "/contributions.csv";
            assertTrue(Site.location(site.visitor().get(path)).startsWith("/login"), "a visitor signs in first");
            assertEquals(403, pan.author().get(path).code(), "a contributor may not");
            var other = site.member("Paul Other");
            site.organisation(other, "Other Works");
            assertEquals(403, other.get(path).code(), "nor another company's owner");
            assertEquals(404, pan.owner().get("/challenges/999999/contributions.csv").code());
            assertEquals(404, pan.owner().get("/challenges/abc/contributions.csv").code());
        });
    }
}
