package app.atelier.contribution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.atelier.support.Html;
import app.atelier.support.Site;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A challenge past its opening says where it stands in words, and once decided, what the company took up. */
class ChallengeOutcomeTest {
    @TempDir
    Path dir;

    @Test
    void aDecidedChallengeSaysWhenAndWhatWasTakenUp() {
        Site.run(dir, site -> {
            var pan = site.openChallenge("A lighter pan").withIdea("Eve Adams", "Hollow handle");
            long declined = site.contribute(pan.author(), pan.challenge(), "Glass handle");
            String address = "/challenges/" + pan.challenge();
            pan.owner().post("/contributions/" + pan.idea() + "/responses", "status", "ACCEPTED", "body", "We will make it.");
            pan.owner().post("/contributions/" + declined + "/responses", "status", "DECLINED", "body", "Too fragile.");

            site.move(pan.owner(), pan.challenge(), "REVIEW");
            var review = Html.of(site.visitor().page(address));
            assertTrue(review.text(".state-line").startsWith("Voting ended on"), review.text(".state-line"));
            assertFalse(review.text(".state-line").contains("Closes on"), "no future date on a challenge that moved on");
            assertFalse(review.has("#outcome"));

            site.move(pan.owner(), pan.challenge(), "DECIDED");
            var decided = Html.of(site.visitor().page(address));
            assertTrue(decided.text(".state-line").startsWith("Decided on"));
            assertEquals(List.of("Hollow handle · Accepted · Eve Adams"), decided.texts("#outcome .follow-up > li > p"), "accepted; not the declined");
            assertEquals("Accepted · Mar 2, 2026 We will make it.", decided.text("#outcome .steps li"), "and why, dated");
        });
    }
}
