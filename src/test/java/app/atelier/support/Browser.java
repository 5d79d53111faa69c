package app.atelier.support;

import io.javalin.Javalin;
import io.javalin.testtools.HttpClient;
import io.javalin.testtools.Response;
import java.io.IOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One person's browser: keeps cookies, does not follow redirects, and posts forms with the CSRF token
 * that the site's pages carry, as a real browser submitting a real form would.
 */
public final class Browser {
    /** The JDK's own client, for the one method the test client lacks (its name clashes with the test client's). */
    private static final java.net.http.HttpClient PLAIN = java.net.http.HttpClient.newHttpClient();
    private static final Pattern CSRF = Pattern.compile("name=\"csrf\" value=\"([^\"]+)\"");

    private final CookieManager cookies;
    private final HttpClient http;
    private final Javalin app;
    private final String language;
    private String csrf;
    public Long memberId;

    /** @param language what the browser asks for in Accept-Language, or null to ask for nothing */
    public Browser(Javalin app, String language) {
        this(app, new CookieManager(null, CookiePolicy.ACCEPT_ALL), language);
    }

    private Browser(Javalin app, CookieManager cookies, String language) {
        this(app, cookies, language, null);
    }

    /** @param address the client address a proxy in front of the app reports, or null for none */
    private Browser(Javalin app, CookieManager cookies, String language, String address) {
        this.app = app;
        this.cookies = cookies;
        this.language = language;
        var jdk = java.net.http.HttpClient.newBuilder()
                .cookieHandler(cookies)
                .followRedirects(java.net.http.HttpClient.Redirect.NEVER)
                .build();
        var headers = new java.util.HashMap<String, String>();
        if (language != null) headers.put("Accept-Language", language);
        if (address != null) headers.put("X-Forwarded-For", address);
        this.http = new HttpClient(app, jdk, headers);
    }

    /** The same person, with the same cookies, on another running instance of the app. */
    public Browser on(Javalin other) {
        var moved = new Browser(other, cookies, language);
        moved.memberId = memberId;
        return moved;
    }

    /** A new browser at another address, as a proxy in front of the app reports it. */
    public static Browser at(Javalin app, String address) {
        return new Browser(app, new CookieManager(null, CookiePolicy.ACCEPT_ALL), "en", address);
    }

    public Response get(String path) {
        var response = http.get(path);
        remember(response);
        return response;
    }

    /** A HEAD request with this browser's cookies, as link checkers and uptime monitors send (the test client has no HEAD). */
    public HttpResponse<String> head(String path) {
        return plain("HEAD", path, HttpResponse.BodyHandlers.ofString());
    }

    /** A GET whose answer is kept as bytes, as a browser fetches an image (the test client reads text only). */
    public HttpResponse<byte[]> download(String path) {
        return plain("GET", path, HttpResponse.BodyHandlers.ofByteArray());
    }

    private <T> HttpResponse<T> plain(String method, String path, HttpResponse.BodyHandler<T> body) {
        var request = HttpRequest.newBuilder(URI.create("http://localhost:" + port() + path)).method(method, HttpRequest.BodyPublishers.noBody());
        String session = cookie("atelier_session");
        if (session != null) request.header("Cookie", "atelier_session=" + session);
        try {
            return PLAIN.send(request.build(), body);
        } catch (IOException | InterruptedException e) {
            throw new AssertionError(method + " " + path, e);
        }
    }

    public String page(String path) {
        var response = get(path);
        if (response.code() != 200) throw new AssertionError("GET " + path + " gave " + response.code());
        return response.body().string();
    }

    /** Posts a form with this session's CSRF token. Fields come in pairs: name, value, name, value... */
    public Response post(String path, String... fields) {
        return withToken(path, false, fields);
    }

    /** Posts as the page's script does, asking for the changed part of the page only. */
    public Response postForFragment(String path, String... fields) {
        return withToken(path, true, fields);
    }

    /** A file in a multipart form: the field's name, the file's name and claimed type, its bytes. */
    @SuppressWarnings("ArrayRecordComponent") // bytes to post, never compared
    public record FilePart(String field, String filename, String type, byte[] content) {
    }

    /** Posts a multipart form, as a form that carries files does, with this session's CSRF token. */
    public Response postFiles(String path, List<FilePart> files, String... fields) {
        var withToken = new ArrayList<>(List.of(fields));
        withToken.add("csrf");
        withToken.add(csrf());
        csrf = null;
        String boundary = "----atelier" + System.nanoTime();
        var body = new java.io.ByteArrayOutputStream();
        for (int i = 0; i < withToken.size(); i += 2) {
            part(body, boundary, "name=\"" + withToken.get(i) + "\"", null, withToken.get(i + 1).getBytes(StandardCharsets.UTF_8));
        }
        for (var file : files) {
            part(body, boundary, "name=\"" + file.field() + "\"; filename=\"" + file.filename() + "\"", file.type(), file.content());
        }
        body.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return http.request(path, b -> b.post(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary));
    }

    private static void part(java.io.ByteArrayOutputStream body, String boundary, String disposition, String type, byte[] content) {
        String head = "--" + boundary + "\r\nContent-Disposition: form-data; " + disposition + "\r\n"
                + (type == null ? "" : "Content-Type: " + type + "\r\n") + "\r\n";
        body.writeBytes(head.getBytes(StandardCharsets.UTF_8));
        body.writeBytes(content);
        body.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
    }

    /** Posts a form from a page of the site, saying so in a Referer header as a browser does (the test client's host is 127.0.0.1). */
    public Response postFrom(String page, String path, String... fields) {
        var withToken = new ArrayList<>(List.of(fields));
        withToken.add("csrf");
        withToken.add(csrf());
        csrf = null;
        String body = encode(withToken.toArray(String[]::new));
        return http.request(path, b -> b.post(HttpRequest.BodyPublishers.ofString(body)).header("Content-Type", "application/x-www-form-urlencoded")
                .header("Referer", "http://127.0.0.1:" + port() + page));
    }

    /** Posts exactly the fields given, with no token added. */
    public Response postRaw(String path, String... fields) {
        return send(path, false, fields);
    }

    private Response withToken(String path, boolean fragment, String... fields) {
        var withToken = new ArrayList<>(List.of(fields));
        withToken.add("csrf");
        withToken.add(csrf());
        var response = send(path, fragment, withToken.toArray(String[]::new));
        csrf = null; // a session may have started or ended: read the token again next time
        return response;
    }

    private Response send(String path, boolean fragment, String... fields) {
        String body = encode(fields);
        return http.request(path, b -> {
            b.post(HttpRequest.BodyPublishers.ofString(body)).header("Content-Type", "application/x-www-form-urlencoded");
            if (fragment) b.header("X-Atelier-Fragment", "1");
        });
    }

    public String csrf() {
        if (csrf == null) get("/");
        if (csrf == null) get("/login");
        return csrf;
    }

    public String cookie(String name) {
        return cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals(name))
                .map(HttpCookie::getValue).findFirst().orElse(null);
    }

    /** The same browser with a cookie set by hand, as someone who copied its value from elsewhere would send it. */
    public Browser withCookie(String name, String value) {
        var cookie = new HttpCookie(name, value);
        cookie.setPath("/");
        cookie.setVersion(0);
        cookies.getCookieStore().add(java.net.URI.create("http://localhost:" + app.port()), cookie);
        return this;
    }

    public int port() {
        return app.port();
    }

    private void remember(Response response) {
        Matcher m = CSRF.matcher(response.body().string());
        if (m.find()) csrf = m.group(1);
    }

    private static String encode(String... fields) {
        if (fields.length % 2 != 0) throw new IllegalArgumentException("fields come in pairs");
        List<String> parts = new ArrayList<>();
        for (int i = 0; i < fields.length; i += 2) {
            parts.add(URLEncoder.encode(fields[i], StandardCharsets.UTF_8) + "=" + URLEncoder.encode(fields[i + 1], StandardCharsets.UTF_8));
        }
        return String.join("&", parts);
    }
}
