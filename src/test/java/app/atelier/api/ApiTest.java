package app.atelier.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.atelier.RouteTableTest;
import app.atelier.support.Browser;
import app.atelier.support.Site;
import app.atelier.support.TestClock;
import app.atelier.support.TestDatabase;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.swagger.v3.parser.OpenAPIV3Parser;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The API through the running app: tokens made and revoked on the account page, each resource read and written with
 * each scope, another organisation's staff refused, an idempotent retry, malformed bodies, the rate limit, the problem
 * details' shape, and the OpenAPI description against the routes.
 */
class ApiTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern SECRET = Pattern.compile("atl_[A-Za-z0-9_-]{43}");
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @TempDir
    Path dir;

    private void run(Site.Steps steps) {
        Site.run(TestDatabase.config(dir).withAdmins("admin@example.test"), new TestClock(Site.START), steps);
    }

    /** A program calling the API with a token, or none. */
    private record Client(int port, String token) {
        HttpResponse<String> get(String path) {
            return send("GET", path, null);
        }

        HttpResponse<String> send(String method, String path, String json, String... headers) {
            var request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1" + path))
                    .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
            if (json != null) request.header("Content-Type", "application/json");
            if (token != null) request.header("Authorization", "Bearer " + token);
            for (int i = 0; i < headers.length; i += 2) request.header(headers[i], headers[i + 1]);
            try {
                return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
            } catch (IOException | InterruptedException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    private static JsonNode json(HttpResponse<String> response) {
        try {
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new IllegalStateException(response.body(), e);
        }
    }

    /** Makes a token on the account page and reads its secret from the page that follows, as a member copies it. */
    private static Client token(Browser member, String scope) {
        var made = member.post("/account/tokens", "name", "Tool " + scope, "scope", scope);
        assertEquals(200, made.code());
        var secret = SECRET.matcher(made.body().string());
        assertTrue(secret.find(), "the secret is shown once");
        return new Client(member.port(), secret.group());
    }

    /** A refusal in the shape of RFC 9457, of the status and reason given. */
    private static void problem(HttpResponse<String> response, int status, String reason) {
        assertEquals(status, response.statusCode(), response.body());
        assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"));
        var body = json(response);
        assertEquals("urn:atelier:problem:" + reason, body.path("type").asText(), response.body());
        assertEquals(status, body.path("status").asInt());
        assertFalse(body.path("title").asText().isBlank());
        assertTrue(body.path("instance").asText().startsWith("/api/v1/"));
    }

    @Test
    void aTokenReadsAndWritesAsItsMemberUnderThePagesRules() {
        run(site -> {
            var scene = site.openChallenge("A lunch box for cyclists").withIdea("Ana Ruiz", "Insulated pannier");
            var ana = scene.author();
            var reader = token(ana, "READ");
            var writer = token(ana, "WRITE");
            assertEquals(2, site.count("SELECT count(*) FROM api_token WHERE member_id = ? AND secret_hash NOT LIKE 'atl_%'", ana.memberId),
                    "kept as a hash");

            var me = json(reader.get("/me"));
            assertEquals(ana.memberId, me.path("id").asLong());
            assertEquals("READ", me.path("scope").asText());
            var challenge = json(reader.get("/challenges/" + scene.challenge()));
            assertEquals("A lunch box for cyclists", challenge.path("title").asText());
            var listed = json(reader.get("/challenges/" + scene.challenge() + "/contributions"));
            assertEquals("Insulated pannier", listed.path("items").get(0).path("title").asText());
            assertTrue(listed.path("next").isNull());
            problem(reader.send("POST", "/challenges/" + scene.challenge() + "/contributions", "{\"kind\":\"IDEA\",\"title\":\"Hot lid\",\"body\":\"Warm\"}"), 403,
                    "api.readOnly");

            String idea = "{\"kind\":\"IDEA\",\"title\":\"Fold-flat box\",\"body\":\"It folds <script>alert(1)</script>\"}";
            var created = writer.send("POST", "/challenges/" + scene.challenge() + "/contributions", idea, "Idempotency-Key", "idea-1");
            assertEquals(201, created.statusCode(), created.body());
            long id = json(created).path("id").asLong();
            assertEquals("/api/v1/contributions/" + id, created.headers().firstValue("Location").orElse(""));
            var again = writer.send("POST", "/challenges/" + scene.challenge() + "/contributions", idea, "Idempotency-Key", "idea-1");
            assertEquals(201, again.statusCode());
            assertEquals(created.body(), again.body(), "the same answer again");
            assertEquals("true", again.headers().firstValue("Idempotent-Replayed").orElse(""));
            problem(writer.send("POST", "/challenges/" + scene.challenge() + "/contributions", idea.replace("folds", "unfolds"), "Idempotency-Key", "idea-1"),
                    422, "api.invalid");
            assertEquals(1, site.count("SELECT count(*) FROM contribution WHERE title = 'Fold-flat box'"), "made once");
            assertTrue(ana.page("/contributions/" + id).contains("It folds &lt;script&gt;"), "the page escapes what the API took");

            var owner = scene.owner();
            var staff = token(owner, "WRITE");
            var commented = staff.send("POST", "/contributions/" + id + "/comments", "{\"body\":\"Which hinge?\"}");
            assertEquals(201, commented.statusCode(), commented.body());
            long comment = json(commented).path("id").asLong();
            var reply = writer.send("POST", "/contributions/" + id + "/comments", "{\"body\":\"A piano hinge.\",\"parentId\":\"" + comment + "\"}");
            assertEquals(comment, json(reply).path("parentId").asLong());
            var discussion = json(reader.get("/contributions/" + id + "/comments"));
            assertEquals(2, discussion.path("items").size());
            assertEquals("Which hinge?", discussion.path("items").get(0).path("body").asText());

            var voter = token(site.member("Ben Okafor"), "WRITE");
            assertTrue(json(voter.send("POST", "/contributions/" + id + "/vote", "{}")).path("voted").asBoolean());
            assertEquals(1, json(reader.get("/contributions/" + id)).path("votes").asInt());
            assertFalse(json(voter.send("DELETE", "/contributions/" + id + "/vote", null)).path("voted").asBoolean());
            problem(voter.send("POST", "/contributions/" + id + "/responses", "{\"status\":\"ACCEPTED\",\"body\":\"Yes\"}"), 403, "error.forbidden");
            var answered = staff.send("POST", "/contributions/" + id + "/responses", "{\"status\":\"ACCEPTED\",\"body\":\"We take it.\"}");
            assertEquals(201, answered.statusCode(), answered.body());
            assertEquals("ACCEPTED", json(answered).path("status").asText());
            assertEquals("We take it.", json(reader.get("/contributions/" + id)).path("responses").get(0).path("body").asText());
        });
    }

    @Test
    void staffDataIsForTheOrganisationsOwnStaffAlone() {
        run(site -> {
            var admin = site.admin();
            var scene = site.openChallenge("A lunch box for cyclists").withIdea("Ana Ruiz", "Insulated pannier");
            site.deposit(admin, scene.organisation(), "500");
            site.joinCommunity(scene.owner(), scene.organisation(), scene.author());
            var owner = token(scene.owner(), "READ");
            long org = scene.organisation();
            var wallet = json(owner.get("/organisations/" + org + "/wallet"));
            assertEquals(500_00, wallet.path("balance").asLong());
            assertEquals("DEPOSIT", wallet.path("lines").path("items").get(0).path("event").asText());
            var members = json(owner.get("/organisations/" + org + "/members"));
            assertEquals("Ana Ruiz", members.path("items").get(0).path("name").asText());
            assertTrue(members.toString().indexOf('@') < 0, "no address");
            assertEquals("RECEIPT", json(owner.get("/organisations/" + org + "/documents")).path("items").get(0).path("kind").asText());
            assertEquals(1, json(owner.get("/organisations/" + org + "/challenges")).path("items").size());

            var other = site.member("Tom Dubois");
            site.organisation(other, "Cycles Altitude");
            var stranger = token(other, "WRITE");
            for (String path : new String[] {"/organisations/" + org + "/wallet", "/organisations/" + org + "/members", "/organisations/" + org + "/documents"}) {
                problem(stranger.get(path), 403, "error.forbidden");
            }
            problem(token(scene.author(), "READ").get("/organisations/" + org + "/wallet"), 403, "error.forbidden");
            problem(stranger.get("/contributions/999999"), 404, "error.notFound");
        });
    }

    @Test
    void badTokensBadBodiesAndTooManyCallsAreRefusedInProblemDetails() {
        run(site -> {
            var scene = site.openChallenge("A lunch box for cyclists");
            var ana = site.member("Ana Ruiz");
            String contributions = "/challenges/" + scene.challenge() + "/contributions";

            for (String[] bad : new String[][] {{"", "WRITE"}, {"x".repeat(101), "WRITE"}, {"Chat", ""}}) {
                assertEquals(422, ana.post("/account/tokens", "name", bad[0], "scope", bad[1]).code(), String.join(" ", bad));
            }
            assertEquals(400, ana.post("/account/tokens", "name", "Chat", "scope", "ADMIN").code(), "a scope no form offers");
            assertEquals(403, ana.postRaw("/account/tokens", "name", "Chat", "scope", "READ").code(), "no form token");
            var escaped = ana.post("/account/tokens", "name", "<script>alert(1)</script>", "scope", "READ").body().string();
            assertFalse(escaped.contains("<script>alert(1)"), "shown escaped");
            assertEquals(1, site.count("SELECT count(*) FROM api_token"));

            var writer = token(ana, "WRITE");
            problem(new Client(writer.port(), null).get("/me"), 401, "api.unauthenticated");
            assertEquals("Bearer", new Client(writer.port(), null).get("/me").headers().firstValue("WWW-Authenticate").orElse(""));
            problem(new Client(writer.port(), "atl_" + "x".repeat(43)).get("/me"), 401, "api.unauthenticated");
            var french = new Client(writer.port(), null).send("GET", "/me", null, "Accept-Language", "fr");
            assertTrue(json(french).path("title").asText().startsWith("Cet appel demande un jeton d’API valide, envoyé"), "in UTF-8: " + french.body());
            problem(writer.send("POST", contributions, "not json"), 400, "api.malformed");
            problem(writer.send("POST", contributions, "[1, 2]"), 400, "api.malformed");
            problem(writer.send("POST", contributions, "{\"kind\":\"IDEA\",\"title\":7,\"body\":\"b\"}"), 400, "api.malformed");
            var form = HttpRequest.newBuilder(URI.create("http://localhost:" + writer.port() + "/api/v1" + contributions)).header("Authorization", "Bearer " + writer.token())
                    .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString("title=x"));
            try {
                problem(HTTP.send(form.build(), HttpResponse.BodyHandlers.ofString()), 415, "api.malformed");
            } catch (IOException | InterruptedException e) {
                throw new IllegalStateException(e);
            }
            var empty = writer.send("POST", contributions, "{\"kind\":\"IDEA\",\"title\":\"\",\"body\":\"b\"}");
            problem(empty, 422, "api.invalid");
            assertNotNull(json(empty).path("errors").get("title"), "the field named");
            problem(writer.send("POST", contributions, "{\"kind\":\"IDEA\",\"title\":\"" + "t".repeat(141) + "\",\"body\":\"b\"}"), 422, "api.invalid");
            problem(writer.send("POST", contributions, "{}", "Idempotency-Key", "é"), 422, "api.invalid");
            problem(writer.get("/challenges/abc"), 404, "error.notFound");
            problem(writer.get(contributions + "?after=nonsense"), 400, "error.badRequest");
            assertEquals(0, site.count("SELECT count(*) FROM contribution"), "nothing saved");

            var reader = token(ana, "READ");
            for (int i = 1; i < ApiCalls.PER_WINDOW; i++) assertEquals(200, reader.get("/me").statusCode());
            var last = reader.get("/me");
            assertEquals(200, last.statusCode());
            assertEquals("\"token\";r=0;t=60", last.headers().firstValue("RateLimit").orElse(""));
            assertEquals("\"token\";q=120;w=60", last.headers().firstValue("RateLimit-Policy").orElse(""));
            var refused = reader.get("/me");
            problem(refused, 429, "error.tooMany");
            assertEquals("60", refused.headers().firstValue("Retry-After").orElse(""));
            assertEquals(200, writer.get("/me").statusCode(), "each token has its own count");
            site.clock.advance(ApiCalls.WINDOW);
            assertEquals(200, reader.get("/me").statusCode(), "the next minute");

            String page = ana.page("/account/tokens");
            assertTrue(page.contains("last used") && page.contains("Tool READ"), page);
            long id = site.count("SELECT id FROM api_token WHERE name = 'Tool READ'");
            assertEquals(404, site.member("Ben Okafor").post("/account/tokens/" + id + "/revoke").code(), "someone else's token");
            assertEquals(302, ana.post("/account/tokens/" + id + "/revoke").code());
            problem(reader.get("/me"), 401, "api.unauthenticated");
            assertEquals(0, site.count("SELECT count(*) FROM api_token WHERE id = ? AND revoked_at IS NULL", id));
        });
    }

    /** Every route under /api/v1 is in the description and every path of the description is a route; the reference parser reads it without a message. */
    @Test
    void theOpenApiDescriptionIsValidAndNamesEveryRoute() {
        run(site -> {
            var served = site.visitor().get("/api/v1/openapi.json");
            assertEquals(200, served.code());
            var result = new OpenAPIV3Parser().readContents(served.body().string());
            assertTrue(result.getMessages() == null || result.getMessages().isEmpty(), String.valueOf(result.getMessages()));
            var api = result.getOpenAPI();
            assertEquals("3.1.0", api.getOpenapi());
            var described = new TreeSet<String>();
            api.getPaths().forEach((path, item) -> item.readOperationsMap().keySet().forEach(method -> described.add(method.name() + " /api/v1" + path)));
            var routes = new TreeSet<String>();
            for (var route : RouteTableTest.routes(site.app)) {
                if (route.path().startsWith("/api/")) routes.add(route.method().toUpperCase(Locale.ROOT) + " " + route.path());
            }
            assertEquals(routes, described);
            assertTrue(Set.of("GET /api/v1/me", "POST /api/v1/challenges/{id}/contributions").stream().allMatch(routes::contains));
        });
    }
}
