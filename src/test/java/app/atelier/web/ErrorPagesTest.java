package app.atelier.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.atelier.support.Site;
import java.nio.file.Path;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ErrorPagesTest {
    @TempDir
    Path dir;

    @Test
    void everyResponseCarriesTheSecurityHeaders() {
        Site.run(dir, site -> {
            for (String path : new String[] {"/", "/login", "/no/such/page", "/static/css/atelier.css"}) {
                var headers = site.visitor().get(path).headers();
                String csp = headers.get("Content-Security-Policy").get(0);
                assertTrue(csp.contains("frame-ancestors 'none'") && csp.contains("script-src 'self'") && !csp.contains("unsafe-inline"), path);
                assertEquals("nosniff", headers.get("X-Content-Type-Options").get(0), path);
                assertEquals("same-origin", headers.get("Referrer-Policy").get(0), path);
            }
        });
    }

    @Test
    void unknownPagesGetANotFoundPage() {
        Site.run(dir, site -> {
            var response = site.visitor().get("/no/such/page");
            assertEquals(404, response.code());
            assertTrue(response.body().string().contains("Page not found"));
            assertEquals(404, site.visitor().get("/challenges/99999999999999999999").code());
        });
    }

    @Test
    void aFailureShowsAnIncidentIdAndNoStackTrace() {
        Site.run(dir, site -> {
            var pan = site.openChallenge("A lighter pan");
            long id = site.contribute(site.member("Eve Adams"), pan.challenge(), "Hollow handle");
            site.execute("ALTER TABLE comment RENAME TO comment_gone");
            var response = site.visitor().get("/contributions/" + id);
            String page = response.body().string();
            assertEquals(500, response.code());
            var incident = Pattern.compile("incident ([0-9a-f]{8})").matcher(page);
            assertTrue(incident.find(), page);
            assertFalse(page.contains("Exception") || page.contains("at app.atelier"), "no stack trace");
        });
    }
}
