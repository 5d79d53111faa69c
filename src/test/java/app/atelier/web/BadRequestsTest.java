package app.atelier.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.atelier.support.Html;
import app.atelier.support.Site;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a client gets wrong is a 4xx with a clear page, never a 500; and looking around writes nothing. */
class BadRequestsTest {
    @TempDir
    Path dir;

    @Test
    void visitorsWhoOnlyLookWriteNoSessionAndATamperedFormCookieIsRefused() {
        Site.run(dir, site -> {
            for (int i = 0; i < 50; i++) assertEquals(200, site.visitor().get("/login").code());
            assertEquals(0, site.count("SELECT count(*) FROM web_session"), "fifty visitors, no session rows");
            var visitor = site.visitor();
            visitor.get("/login");
            String cookie = visitor.cookie("atelier_form");
            String token = cookie.substring(0, cookie.indexOf('.'));
            var forged = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + site.app.port() + "/login"))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .header("Cookie", "atelier_form=" + token + ".forged")
                    .POST(HttpRequest.BodyPublishers.ofString("csrf=" + token + "&email=a@example.test&password=x")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(403, forged.statusCode(), "a cookie we did not sign carries no token");
        });
    }

    @Test
    void aBodyThatIsNotAFormIsA400() {
        Site.run(dir, site -> {
            var client = HttpClient.newHttpClient();
            String url = "http://localhost:" + site.app.port() + "/login";
            for (String type : new String[] {"multipart/form-data; boundary=xyz", "application/x-www-form-urlencoded; charset=klingon",
                    "application/json", "text/plain"}) {
                var response = client.send(HttpRequest.newBuilder(URI.create(url)).header("Content-Type", type).header("Accept-Language", "en")
                        .POST(HttpRequest.BodyPublishers.ofString("--xyz\r\nContent-Disposition: form-data; name=\"email\"\r\n\r\na\r\n--xyz--")).build(),
                        HttpResponse.BodyHandlers.ofString());
                assertEquals(400, response.statusCode(), type);
                assertTrue(response.body().contains("could not be read"), type);
            }
            var noType = client.send(HttpRequest.newBuilder(URI.create(url)).POST(HttpRequest.BodyPublishers.noBody()).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(400, noType.statusCode());
        });
    }

    @Test
    void datesAtTheEndsOfTheCalendarGetAMessageBesideTheField() {
        Site.run(dir, site -> {
            var owner = site.member("Claire Vidal");
            long org = site.organisation(owner, "Maison Vidal");
            for (String day : new String[] {"+999999999-12-31", "-999999999-01-01", "1899-12-31", "2100-01-01"}) {
                var response = owner.post("/organisations/" + org + "/challenges", "title", "Kept title", "brief", "b", "stage", "IDEA_GENERATION",
                        "mode", "OUTSIDE_IN", "closesOn", day);
                assertEquals(422, response.code(), day);
                String page = response.body().string();
                assertTrue(page.contains("Choose a day between 2000 and 2099") || page.contains("Enter a date as YYYY-MM-DD"), day);
                assertTrue(page.contains("Kept title"), day);
            }
            assertEquals(0, site.count("SELECT count(*) FROM challenge"));
        });
    }

    @Test
    void stylesAndScriptsAreServedToEveryoneAndAnUndeclaredPathIsNotFound() {
        Site.run(dir, site -> {
            var visitor = site.visitor();
            var css = visitor.get("/static/css/atelier.css");
            assertEquals(200, css.code());
            assertTrue(css.body().string().contains("{"));
            assertEquals(200, visitor.get("/static/js/atelier.js").code());
            assertEquals(404, visitor.get("/static/nothing-here.css").code());
        });
    }

    @Test
    void pagesLinkStylesAndScriptsByAnAddressThatChangesWithTheirContentSoBrowsersKeepThemAYear() {
        Site.run(dir, site -> {
            var visitor = site.visitor();
            String stylesheet = Html.of(visitor.page("/")).link("link[rel=stylesheet]");
            assertTrue(stylesheet.matches("/static/css/atelier\\.css\\?v=[0-9a-f]{12}"), "the address carries a digest of the content: " + stylesheet);
            var css = visitor.get(stylesheet);
            assertEquals(200, css.code());
            assertEquals("public, max-age=31536000, immutable", css.headers().get("Cache-Control").get(0));
            assertEquals(stylesheet, Html.of(visitor.page("/login")).link("link[rel=stylesheet]"), "the same address on every page");
            assertTrue(Html.of(visitor.page("/")).has("script[src~=^/static/js/atelier\\.js\\?v=[0-9a-f]{12}$]"));
        });
    }
}
