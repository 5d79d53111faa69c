package app.atelier.recognition;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.atelier.Config;
import app.atelier.support.Browser;
import app.atelier.support.Site;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Points kept as they are earned stay equal to what the records make due, whatever happens and in whatever
 * order: random contributions, votes given and taken back, statuses, merges, helpful comments deleted, items
 * hidden and restored, over several months.
 */
class KeptPointsTest {
    private static final String[] STATUSES = {"UNDER_REVIEW", "SHORTLISTED", "ACCEPTED", "IMPLEMENTED", "DECLINED"};

    @TempDir
    Path dir;

    @Test
    void keptPointsEqualThoseRecomputedFromTheRecordsAfterRandomEvents() {
        Site.run(dir, site -> {
            var scene = site.openChallenge("A lunch box for cyclists");
            var members = new ArrayList<Browser>();
            for (String name : List.of("Ana Ruiz", "Ben Okafor", "Carl Dunn", "Dora Lind")) {
                var member = site.member(name);
                site.joinCommunity(scene.owner(), scene.organisation(), member);
                members.add(member);
            }
            var random = new Random(20261202);
            var contributions = new ArrayList<Long>();
            var comments = new ArrayList<Long>();
            for (int step = 0; step < 160; step++) {
                var member = members.get(random.nextInt(members.size()));
                long contribution = contributions.isEmpty() ? 0 : contributions.get(random.nextInt(contributions.size()));
                switch (contributions.size() < 3 ? 0 : random.nextInt(10)) {
                    case 0 -> {
                        var written = member.post("/challenges/" + scene.challenge() + "/contributions", "kind", "IDEA", "title", "Idea " + step,
                                "body", "Step " + step, "anyway", "yes");
                        if (Site.location(written).startsWith("/contributions/")) contributions.add(Site.idFrom(written)); // else a first-day limit
                    }
                    case 1, 2 -> member.post("/contributions/" + contribution + "/vote");
                    case 3 -> member.post("/contributions/" + contribution + "/unvote");
                    case 4 -> scene.owner().post("/contributions/" + contribution + "/responses", "status", STATUSES[random.nextInt(STATUSES.length)], "body", "Step " + step);
                    case 5 -> comments.add(site.comment(member, contribution, "Comment " + step, null));
                    case 6 -> {
                        if (!comments.isEmpty()) scene.owner().post("/comments/" + comments.get(random.nextInt(comments.size())) + "/helpful");
                    }
                    case 7 -> scene.owner().post("/moderation/" + (random.nextBoolean() || comments.isEmpty() ? "contribution/" + contribution
                            : "comment/" + comments.get(random.nextInt(comments.size()))) + (random.nextBoolean() ? "/hide" : "/restore"), "reason", "Step " + step);
                    case 8 -> {
                        if (!comments.isEmpty()) members.forEach(m -> m.post("/comments/" + comments.get(random.nextInt(comments.size())) + "/delete"));
                    }
                    default -> {
                        long original = contributions.get(random.nextInt(contributions.size()));
                        scene.owner().post("/contributions/" + contribution + "/responses", "status", "DUPLICATE", "body", "Same", "duplicateOf", Long.toString(original));
                    }
                }
                if (random.nextInt(15) == 0) {
                    site.clock.advance(Duration.ofDays(5 + random.nextInt(8)));
                    site.signIn(scene.owner()); // a session lasts 30 days
                    members.forEach(site::signIn);
                }
            }
            var kinds = site.texts("SELECT DISTINCT kind FROM recognition_event");
            assertTrue(kinds.containsAll(List.of("SUBMITTED", "VOTE", "HELPFUL")) && kinds.size() > 3, "the sequence earned in many ways: " + kinds);
            assertTrue(site.count("SELECT count(DISTINCT month) FROM recognition_points") > 3, "over several months");
            var audit = site.withDatabase(db -> db.write(h -> KeptPoints.audit(h, Config.HOME_ZONE)));
            assertTrue(audit.agrees(), "kept and recomputed agree: " + audit);
            assertEquals(site.count("SELECT count(*) FROM recognition_due"), audit.events());

            long ana = members.get(0).memberId;
            long due = site.count("SELECT coalesce(sum(points), 0) FROM recognition_due WHERE member_id = ?", ana);
            assertTrue(site.visitor().page("/members/" + ana).contains(due + " points"), "the profile reads the kept sum: " + due);
            assertTrue(site.visitor().page("/leaderboard?period=all").contains(due + " points"));
        });
    }

    @Test
    void theAuditFindsWhatDriftedAndARebuildPutsItRight() {
        Site.run(dir, site -> {
            var scene = site.openChallenge("A lunch box for cyclists").withIdea("Ana Ruiz", "Insulated pannier");
            site.member("Ben Okafor").post("/contributions/" + scene.idea() + "/vote");
            site.execute("UPDATE recognition_points SET points = points + 7 WHERE month = 0 AND organisation_id = 0");
            site.execute("DELETE FROM recognition_event WHERE kind = 'VOTE'");
            var audit = site.withDatabase(db -> db.write(h -> KeptPoints.audit(h, Config.HOME_ZONE)));
            assertFalse(audit.agrees());
            assertEquals(1, audit.eventsDiffering(), "the vote's event is missing");
            assertTrue(audit.sumsDiffering() >= 1, audit.toString());
            assertEquals(2L, (long) site.withDatabase(db -> db.write(h -> KeptPoints.rebuild(h, Config.HOME_ZONE))), "the idea and its vote");
            assertTrue(site.withDatabase(db -> db.write(h -> KeptPoints.audit(h, Config.HOME_ZONE))).agrees());
            assertTrue(site.visitor().page("/members/" + scene.author().memberId).contains("6 points"));
        });
    }
}
