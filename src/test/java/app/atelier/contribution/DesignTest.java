package app.atelier.contribution;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.atelier.support.Browser;
import app.atelier.support.Browser.FilePart;
import app.atelier.support.Drawn;
import app.atelier.support.Html;
import app.atelier.support.Site;
import io.javalin.testtools.Response;
import java.io.ByteArrayInputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DesignTest {
    /** The smallest lossless WebP picture: one pixel. */
    private static final byte[] WEBP = Base64.getDecoder().decode("UklGRhoAAABXRUJQVlA4TA0AAAAvAAAAEAcQERGIiP4HAA==");

    @TempDir
    Path dir;

    private static FilePart png(String name) {
        return new FilePart("images", name, "image/png", Drawn.image("png", 1200, 600));
    }

    private static Response submit(Browser member, long challenge, List<FilePart> files, String... more) {
        var fields = Stream.concat(Stream.of("kind", "DESIGN", "title", "A paper box", "body", "Folded from **one** sheet."), Arrays.stream(more));
        return member.postFiles("/challenges/" + challenge + "/contributions", files, fields.toArray(String[]::new));
    }

    private static String header(HttpResponse<byte[]> response, String name) {
        return response.headers().firstValue(name).orElse("");
    }

    @Test
    void aDesignCarriesImagesCheckedByTheirContentWithThumbnails() {
        Site.run(dir, site -> {
            var box = site.openChallenge("A box without plastic", "stage", "PACKAGING");
            assertEquals("DESIGN", site.text("SELECT kinds FROM challenge WHERE id = ?", box.challenge()));
            var eve = site.member("Eve Adams");
            assertTrue(Html.of(eve.page("/challenges/" + box.challenge() + "/contribute")).has("form[enctype=multipart/form-data] input[type=file][name=images]"));

            var script = submit(eve, box.challenge(), List.of(new FilePart("images", "cute.png", "image/png", "<script>alert(1)</script>".getBytes(StandardCharsets.UTF_8))));
            assertEquals(422, script.code());
            var refused = Html.of(script.body().string());
            assertEquals("Only PNG, JPEG or WebP images are taken, and this file is not one.", refused.text("#images-error"));
            assertEquals("A paper box", refused.value("input[name=title]"), "the text typed is kept");
            byte[] fakeHead = Arrays.copyOf(Drawn.image("png", 10, 10), 40);
            assertEquals(422, submit(eve, box.challenge(), List.of(new FilePart("images", "cut.png", "image/png", fakeHead))).code(), "a PNG's first bytes, then nothing");
            byte[] oversize = Arrays.copyOf(Drawn.image("png", 10, 10), 5 * 1024 * 1024 + 1);
            var tooLarge = submit(eve, box.challenge(), List.of(new FilePart("images", "big.png", "image/png", oversize)));
            assertEquals(422, tooLarge.code());
            assertEquals("Each image may weigh at most 5 MB.", Html.of(tooLarge.body().string()).text("#images-error"));
            var six = submit(eve, box.challenge(), Collections.nCopies(6, png("p.png")));
            assertEquals(422, six.code());
            assertEquals("A design has at most 5 images.", Html.of(six.body().string()).text("#images-error"));
            assertEquals("Add at least one image of the design.", Html.of(submit(eve, box.challenge(), List.of()).body().string()).text("#images-error"));
            assertEquals(0, site.count("SELECT count(*) FROM contribution"));
            assertEquals(0, site.files("designs"), "nothing refused is kept");

            byte[] original = Drawn.image("png", 1200, 600);
            long design = Site.idFrom(submit(eve, box.challenge(), List.of(new FilePart("images", "box.png", "image/png", original),
                    new FilePart("images", "side.jpg", "image/jpeg", Drawn.image("jpeg", 300, 300)), new FilePart("images", "tiny.webp", "image/webp", WEBP))));
            assertEquals(List.of("image/png", "image/jpeg", "image/webp"), List.of(site.text("SELECT string_agg(media_type, ',') FROM design_image").split(",")));
            assertEquals(6, site.files("designs"), "each image and its thumbnail");
            long first = site.count("SELECT min(id) FROM design_image");

            var served = site.visitor().download("/designs/" + first);
            assertEquals(200, served.statusCode());
            assertEquals("image/png", header(served, "Content-Type"));
            assertEquals("nosniff", header(served, "X-Content-Type-Options"));
            assertTrue(header(served, "Content-Disposition").startsWith("attachment;"));
            assertTrue(header(served, "Content-Security-Policy").contains("sandbox"));
            assertArrayEquals(original, served.body());
            var thumbnail = site.visitor().download("/designs/" + first + "/thumbnail");
            assertEquals("image/jpeg", header(thumbnail, "Content-Type"));
            var small = ImageIO.read(new ByteArrayInputStream(thumbnail.body()));
            assertEquals(480, small.getWidth());
            assertEquals(240, small.getHeight());

            var list = Html.of(site.visitor().page("/challenges/" + box.challenge()));
            assertTrue(list.has("li.card img.thumbnail[src=/designs/" + first + "/thumbnail]"), "lists show the first image's thumbnail");
            var gallery = Html.of(site.visitor().page("/contributions/" + design));
            assertTrue(gallery.has("ul.gallery li:nth-of-type(3) img") && !gallery.has("ul.gallery li:nth-of-type(4)"));

            var edited = eve.postFiles("/contributions/" + design, List.of(png("new.png")), "kind", "DESIGN", "title", "A paper box",
                    "body", "Now in two sheets.", "removeImage", Long.toString(first));
            assertEquals(302, edited.code());
            assertEquals(3, site.count("SELECT count(*) FROM design_image WHERE contribution_id = ?", design));
            assertEquals(404, site.visitor().get("/designs/" + first).code(), "an image taken away is gone");
            assertEquals(6, site.files("designs"), "with its files");
            var sixth = eve.postFiles("/contributions/" + design, List.of(png("a.png"), png("b.png"), png("c.png")), "kind", "DESIGN",
                    "title", "A paper box", "body", "More", "removeImage", "");
            assertEquals(422, sixth.code(), "three kept and three more is six");
        });
    }

    @Test
    void onlyThoseWhoMaySeeADesignSeeItsImagesAndOnlyItsFormPostsFiles() {
        Site.run(dir, site -> {
            var box = site.openChallenge("A box without plastic", "stage", "PACKAGING", "visibility", "CONFIDENTIAL");
            var eve = site.member("Eve Adams");
            long design = Site.idFrom(submit(eve, box.challenge(), List.of(png("box.png"))));
            long image = site.count("SELECT id FROM design_image");
            assertEquals(200, eve.get("/designs/" + image).code(), "its author");
            assertEquals(200, box.owner().get("/designs/" + image + "/thumbnail").code(), "the staff");
            assertEquals(404, site.visitor().get("/designs/" + image).code(), "a confidential design");
            assertEquals(404, site.member("Finn Larsen").get("/designs/" + image + "/thumbnail").code());
            assertEquals(404, site.visitor().get("/designs/999").code());

            assertEquals(403, submit(site.member("Gina Rossi"), box.challenge(), List.of(png("x.png")), "csrf", "wrong").code(), "a wrong form token");
            assertEquals(400, eve.postFiles("/challenges/" + box.challenge() + "/questions", List.of(png("x.png")), "text", "Sneaky", "type", "text").code(),
                    "no other form takes files");
            assertEquals(404, site.member("Hugo Petit").postFiles("/contributions/" + design, List.of(png("x.png")), "kind", "DESIGN",
                    "title", "Mine now", "body", "Taken").code(), "someone else's confidential design");
            assertFalse(site.text("SELECT title FROM contribution WHERE id = ?", design).equals("Mine now"));
        });
    }
}
