package app.atelier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.atelier.support.Site;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every page and form that needs a member sends a visitor to sign in, and changes nothing. */
class VisitorPermissionsTest {
    @TempDir
    Path dir;

    @Test
    void aVisitorIsAskedToSignInEverywhereAMemberIsNeeded() {
        Site.run(dir, site -> {
            var owner = site.member("Claire Vidal");
            long org = site.organisation(owner, "Maison Vidal");
            long challenge = site.openChallenge(owner, org, "A lighter pan");
            var eve = site.member("Eve Adams");
            long id = site.contribute(eve, challenge, "Hollow handle");
            long comment = site.comment(eve, id, "A comment", null);
            var visitor = site.visitor();
            visitor.get("/login");
            for (String path : List.of("/account", "/account/notifications", "/account/export", "/notifications", "/organisations/new",
                    "/organisations/" + org + "/apply", "/organisations/" + org + "/community", "/organisations/" + org + "/moderation",
                    "/organisations/" + org + "/audit", "/challenges/" + challenge + "/contribute", "/admin/outbox")) {
                assertTrue(Site.location(visitor.get(path)).startsWith("/login"), path);
            }
            for (String path : List.of("/contributions/" + id + "/flag", "/comments/" + comment + "/flag", "/contributions/" + id + "/follow",
                    "/contributions/" + id + "/responses", "/challenges/" + challenge + "/team", "/challenges/" + challenge + "/notes",
                    "/challenges/" + challenge + "/state", "/organisations/" + org + "/suspensions", "/organisations/" + org + "/invitations",
                    "/organisations/" + org + "/apply", "/moderation/contribution/" + id + "/hide", "/notifications/read",
                    "/account/notifications", "/account/delete", "/preview")) {
                assertTrue(Site.location(visitor.post(path, "reason", "SPAM", "memberId", Long.toString(eve.memberId), "to", "REVIEW",
                        "notes", "n", "body", "b", "status", "DECLINED", "email", "x@example.test")).startsWith("/login"), path);
            }
            assertTrue(site.count("SELECT count(*) FROM flag") + site.count("SELECT count(*) FROM official_response")
                    + site.count("SELECT count(*) FROM community_suspension") + site.count("SELECT count(*) FROM challenge_team") == 0);
            assertTrue(site.text("SELECT state FROM challenge WHERE id = ?", challenge).equals("OPEN"));
        });
    }

    @Test
    void headIsAnsweredLikeGetWithoutTheBodyAndUnderTheSameRoles() {
        Site.run(dir, site -> {
            var pan = site.openChallenge("A lighter pan");
            for (String path : List.of("/", "/challenges/" + pan.challenge(), "/leaderboard")) {
                var head = site.visitor().head(path);
                assertEquals(200, head.statusCode(), path);
                assertEquals("", head.body(), path + ": no body");
                assertTrue(head.headers().firstValue("Content-Type").orElse("").startsWith("text/html"), path);
            }
            assertTrue(site.visitor().head("/account").headers().firstValue("Location").orElse("").startsWith("/login"),
                    "a member's page still asks a visitor to sign in");
            assertEquals(403, pan.owner().head("/admin/outbox").statusCode(), "and an admin's page still refuses a member");
            assertEquals(404, site.visitor().head("/challenges/999999").statusCode());
        });
    }
}
