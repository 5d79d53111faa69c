package app.atelier.image;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.atelier.support.Browser.FilePart;
import app.atelier.support.Drawn;
import app.atelier.support.Html;
import app.atelier.support.Site;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PicturesTest {
    @TempDir
    Path dir;

    private static FilePart png(int width, int height) {
        return new FilePart("picture", "logo.png", "image/png", Drawn.image("png", width, height));
    }

    @Test
    void anOwnerGivesTheOrganisationALogoThatEveryChallengeCardShows() {
        Site.run(dir, site -> {
            var scene = site.openChallenge("A lighter pan");
            long org = site.count("SELECT organisation_id FROM challenge WHERE id = ?", scene.challenge());
            String edit = "/organisations/" + org;
            var form = Html.of(scene.owner().page(edit + "/edit"));
            assertEquals("multipart/form-data", form.attribute("main form", "enctype"));

            var script = scene.owner().postFiles(edit, List.of(new FilePart("picture", "logo.png", "image/png",
                    "<script>alert(1)</script>".getBytes(StandardCharsets.UTF_8))), "name", "Maison Vidal", "description", "Cast iron, since 1921.");
            assertEquals(422, script.code());
            var refused = Html.of(script.body().string());
            assertTrue(refused.text("#picture-error").contains("Only PNG, JPEG or WebP"));
            assertEquals("Cast iron, since 1921.", refused.text("#description"), "the text typed is kept");
            assertEquals("We make things.", site.text("SELECT description FROM organisation WHERE id = ?", org), "and nothing is saved half");
            assertEquals(0, site.files("pictures"), "a refused upload leaves no file");

            assertEquals(302, scene.owner().postFiles(edit, List.of(png(300, 300)), "name", "Maison Vidal", "description", "Cast iron, since 1921.").code());
            String logo = site.text("SELECT logo FROM organisation WHERE id = ?", org);
            assertTrue(logo.matches("[0-9a-f-]{36}\\.png"), logo);
            assertEquals(2, site.files("pictures"), "the picture and its small copy");
            var card = Html.of(site.visitor().page("/challenges"));
            assertEquals("/pictures/" + logo + "/small", card.attribute(".challenge-card .avatar img", "src"));
            assertEquals("/pictures/" + logo + "/small", Html.of(site.visitor().page("/organisations/" + org)).attribute("h1 img", "src"));

            var small = site.visitor().download("/pictures/" + logo + "/small");
            assertEquals(200, small.statusCode());
            assertEquals("image/jpeg", small.headers().firstValue("Content-Type").orElse(""));
            assertEquals("nosniff", small.headers().firstValue("X-Content-Type-Options").orElse(""));
            assertTrue(small.headers().firstValue("Cache-Control").orElse("").contains("immutable"));
            assertEquals("image/png", site.visitor().download("/pictures/" + logo).headers().firstValue("Content-Type").orElse(""));
            assertEquals(404, site.visitor().download("/pictures/..%2Fatelier.db").statusCode());
            assertEquals(404, site.visitor().download("/pictures/00000000-0000-0000-0000-000000000000.png").statusCode());

            var stranger = site.member("Bob Stone");
            assertEquals(403, stranger.postFiles(edit, List.of(png(20, 20)), "name", "Taken over", "description", "").code());
            assertEquals(2, site.files("pictures"), "someone else's upload is never kept");

            assertEquals(302, scene.owner().postFiles(edit, List.of(png(64, 64)), "name", "Maison Vidal", "description", "").code());
            assertEquals(2, site.files("pictures"), "a new logo replaces the old one's files");
            String second = site.text("SELECT logo FROM organisation WHERE id = ?", org);
            assertEquals(404, site.visitor().download("/pictures/" + logo).statusCode());
            assertEquals(302, scene.owner().postFiles(edit, List.of(), "name", "Maison Vidal", "description", "", "removePicture", "yes").code());
            assertEquals(0, site.count("SELECT count(logo) FROM organisation WHERE id = ?", org));
            assertEquals(0, site.files("pictures"));
            assertEquals(404, site.visitor().download("/pictures/" + second + "/small").statusCode());
            assertFalse(Html.of(site.visitor().page("/challenges")).has(".challenge-card .avatar img"), "initials stand in for no logo");
            assertEquals(302, scene.owner().post(edit, "name", "Maison Vidal", "description", "Plain form, no file").code(), "a form without files still saves");
        });
    }

    @Test
    void aManagerGivesAChallengeACoverFromTheStart() {
        Site.run(dir, site -> {
            var owner = site.member("Claire Vidal");
            long org = site.organisation(owner, "Maison Vidal");
            var created = owner.postFiles("/organisations/" + org + "/challenges", List.of(png(1200, 500)), "title", "A lighter pan",
                    "brief", "Tell us.", "stage", "IDEA_GENERATION", "mode", "OUTSIDE_IN", "kinds", "IDEA", "visibility", "PUBLIC");
            assertEquals(302, created.code(), created.body().string());
            long challenge = Site.idFrom(created);
            String cover = site.text("SELECT cover FROM challenge WHERE id = ?", challenge);
            assertEquals("/pictures/" + cover, Html.of(owner.page("/challenges/" + challenge)).attribute("header img.cover", "src"));
            var tooBig = owner.postFiles("/challenges/" + challenge, List.of(new FilePart("picture", "huge.png", "image/png", new byte[5 * 1024 * 1024 + 1])),
                    "title", "A lighter pan, again", "brief", "Tell us.", "stage", "IDEA_GENERATION", "mode", "OUTSIDE_IN", "kinds", "IDEA", "visibility", "PUBLIC");
            assertEquals(422, tooBig.code());
            assertTrue(Html.of(tooBig.body().string()).text("#picture-error").contains("at most 5 MB"));
            assertEquals("A lighter pan", site.text("SELECT title FROM challenge WHERE id = ?", challenge));
            assertEquals(cover, site.text("SELECT cover FROM challenge WHERE id = ?", challenge), "the cover stays");
            assertEquals(404, site.member("Bob Stone").postFiles("/challenges/" + challenge, List.of(png(20, 20)), "title", "Mine").code(), "a draft is not seen by others");
            assertEquals(2, site.files("pictures"), "only the cover and its small copy");
        });
    }
}
