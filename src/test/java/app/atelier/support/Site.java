package app.atelier.support;

import static org.junit.jupiter.api.Assertions.assertEquals;

import app.atelier.App;
import app.atelier.Config;
import app.atelier.db.Database;
import app.atelier.invoice.IssuedInvoices;
import io.javalin.Javalin;
import io.javalin.testtools.JavalinTest;
import io.javalin.testtools.Response;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import org.jdbi.v3.core.Jdbi;

/**
 * The real app, started on a free port over a SQLite file in a temp folder, and the steps people take
 * on it, each through HTTP as a browser would.
 */
public final class Site {
    public static final String PASSWORD = "correct horse battery";
    public static final Instant START = Instant.parse("2026-03-02T09:00:00Z");

    public interface Steps {
        void run(Site site) throws Exception;
    }

    public final Javalin app;
    public final Path folder;
    public final TestClock clock;
    private final AtomicInteger people = new AtomicInteger();

    private Site(Javalin app, Path folder, TestClock clock) {
        this.app = app;
        this.folder = folder;
        this.clock = clock;
    }

    public static void run(Path folder, Steps steps) {
        run(TestDatabase.config(folder), new TestClock(START), steps);
    }

    /** Runs the steps against the app, then checks every invoice they issued with Mustang's validator (EN 16931). */
    public static void run(Config config, TestClock clock, Steps steps) {
        Javalin app = App.create(config, clock);
        JavalinTest.test(app, (server, client) -> {
            var site = new Site(server, config.dataDir(), clock);
            steps.run(site);
            site.withDatabase(db -> {
                IssuedInvoices.check(db, config.dataDir().resolve("documents"), config.zone());
                return null;
            });
        });
    }

    /** A visitor whose browser asks for English, the language the tests read. */
    public Browser visitor() {
        return new Browser(app, "en");
    }

    /** Signs up a new member through the sign-up form; the browser stays signed in. */
    public Browser member(String name) {
        String email = name.toLowerCase(Locale.ROOT).replaceAll("[^a-z]+", ".") + people.incrementAndGet() + "@example.test";
        return signUp(name, email);
    }

    public Browser signUp(String name, String email) {
        var browser = visitor();
        browser.get("/signup");
        var response = browser.post("/signup", "name", name, "email", email, "password", PASSWORD);
        assertEquals(302, response.code(), "sign-up of " + name);
        String profile = Html.of(browser.page("/")).link("a.me");
        browser.memberId = Long.parseLong(profile.substring(profile.lastIndexOf('/') + 1));
        return browser;
    }

    /** A French IBAN with valid check digits, as the member types it: in groups of four. */
    public static final String IBAN = "FR76 3000 6000 0112 3456 7890 189";

    /** The member gives the account their payouts are sent to, their password asked again. */
    public void bankDetails(Browser member, String holder) {
        assertEquals(302, member.post("/account/bank", "holder", holder, "iban", IBAN, "bic", "", "password", PASSWORD).code(), "bank details of " + holder);
    }

    /** Signs a member in again, as after their session ended: from the sign-in page, whose form carries the new session's token. */
    public void signIn(Browser member) {
        member.get("/login");
        assertEquals(302, member.post("/login", "email", email(member), "password", PASSWORD).code(), "signing in " + member.memberId);
    }

    /**
     * Creates an organisation, its owner first verifying their address through the link emailed to them, and gives it
     * a French billing profile, as an organisation has before it commits money.
     */
    public long organisation(Browser owner, String name) {
        verify(owner);
        long id = idFrom(owner.post("/organisations", "name", name, "description", "We make things."));
        assertEquals(302, billing(owner, id).code());
        return id;
    }

    /** The owner saves the organisation's billing profile: a French company, unless the fields given say otherwise. */
    public Response billing(Browser owner, long organisationId, String... fields) {
        return owner.post("/organisations/" + organisationId + "/billing", withDefaults(fields, Map.of("legalName", "Maison d'essai SAS", "street",
                "12 rue des Tests", "postcode", "69001", "city", "Lyon", "country", "FR", "companyNumber", "732829320", "vatNumber", "FR44732829320")));
    }

    /** The member opens the verification link emailed to them and confirms it, as they would from their inbox. */
    public void verify(Browser member) {
        if (count("SELECT count(*) FROM member WHERE id = ? AND email_verified_at IS NOT NULL", member.memberId) == 1) return;
        String link = emailedLink(email(member), "/verify/");
        assertEquals(200, member.get(link).code());
        assertEquals(302, member.post(link).code(), "verifying " + link);
    }

    /** The platform admin, under the address the tests' configurations name with {@code withAdmins}, verified. */
    public Browser admin() {
        var admin = signUp("Ada Admin", "admin@example.test");
        verify(admin);
        return admin;
    }

    /** The admin records a bank transfer into the organisation's wallet. */
    public void deposit(Browser admin, long organisationId, String amount) {
        assertEquals(302, admin.post("/admin/deposits", "confirmed", "yes", "organisation", String.valueOf(organisationId), "amount", amount, "reference", "BANK-" + amount).code());
    }

    /** The owner offers the member a place on the staff, and the member, verified, accepts it. */
    public void staff(Browser owner, long organisationId, Browser member, String role) {
        verify(member);
        assertEquals(302, owner.post("/organisations/" + organisationId + "/staff", "email", email(member), "role", role).code());
        assertEquals(302, member.post("/organisations/" + organisationId + "/staff-offer/accept").code());
    }

    /** The member applies to the organisation's community with a profile, and its owner (or a moderator) approves. */
    public void joinCommunity(Browser staff, long organisationId, Browser member) {
        member.post("/organisations/" + organisationId + "/apply", "city", "Lyon", "country", "France", "ageRange", "25-34",
                "occupation", "Cook", "productUse", "Daily", "skills", "cooking", "motivation", "Care");
        assertEquals(302, staff.post("/organisations/" + organisationId + "/community/" + member.memberId + "/approve", "message", "Welcome").code());
    }

    public String email(Browser member) {
        return text("SELECT email FROM member WHERE id = ?", member.memberId);
    }

    /** The path of the latest link emailed to an address that starts with the prefix, such as /verify/. */
    public String emailedLink(String address, String prefix) {
        String body = text("SELECT body FROM outbox WHERE to_address = ? AND body LIKE ? ORDER BY id DESC LIMIT 1", address, "%" + prefix + "%");
        Matcher m = Pattern.compile(Pattern.quote(prefix) + "[A-Za-z0-9_-]+").matcher(body);
        if (!m.find()) throw new AssertionError("no link in " + body);
        return m.group();
    }

    /** A draft challenge; {@code fields} (name, value, ...) replace or add to an idea-generation, outside-in one. */
    public long challenge(Browser manager, long organisationId, String title, String... fields) {
        return idFrom(manager.post("/organisations/" + organisationId + "/challenges",
                withDefaults(fields, Map.of("title", title, "brief", "Tell us **everything**.", "stage", "IDEA_GENERATION", "mode", "OUTSIDE_IN"))));
    }

    /** A form's fields as given, and the defaults of those not given. */
    private static String[] withDefaults(String[] fields, Map<String, String> defaults) {
        var given = new ArrayList<>(List.of(fields));
        var names = IntStream.range(0, fields.length / 2).mapToObj(i -> fields[2 * i]).toList();
        defaults.forEach((name, value) -> {
            if (!names.contains(name)) {
                given.add(name);
                given.add(value);
            }
        });
        return given.toArray(String[]::new);
    }

    public long openChallenge(Browser manager, long organisationId, String title, String... fields) {
        long id = challenge(manager, organisationId, title, fields);
        assertEquals(302, move(manager, id, "OPEN").code());
        return id;
    }

    /**
     * The scene most tests start from: Claire Vidal owns Maison Vidal, which has opened the challenge (with the form's
     * fields given, the defaults of {@link #challenge} otherwise); with {@link Scene#withIdea}, a contributor has answered it.
     */
    public Scene openChallenge(String title, String... fields) {
        var scene = draftChallenge(title, fields);
        assertEquals(302, move(scene.owner(), scene.challenge(), "OPEN").code());
        return scene;
    }

    /** The same scene, with the challenge still a draft. */
    public Scene draftChallenge(String title, String... fields) {
        var owner = member("Claire Vidal");
        long organisation = organisation(owner, "Maison Vidal");
        return new Scene(this, owner, organisation, challenge(owner, organisation, title, fields), null, 0);
    }

    /** A challenge, its owner and organisation, and perhaps one idea and its author. */
    public record Scene(Site site, Browser owner, long organisation, long challenge, Browser author, long idea) {
        /** The same scene, with a new member who has submitted an idea. */
        public Scene withIdea(String authorName, String title) {
            var member = site.member(authorName);
            return new Scene(site, owner, organisation, challenge, member, site.contribute(member, challenge, title));
        }

        /** A new member the owner has added to the organisation's staff in the role named. */
        public Browser staff(String name, String role) {
            var member = site.member(name);
            site.staff(owner, organisation, member, role);
            return member;
        }
    }

    /** A manager moves a challenge on by hand to the state named. */
    public Response move(Browser manager, long challengeId, String state) {
        if (state.equals("DECIDED")) return manager.post("/challenges/" + challengeId + "/decision", "outcome", "We take the best ideas forward.");
        return manager.post("/challenges/" + challengeId + "/state", "to", state);
    }

    /** Lets the challenges' last moves settle and tells those who took part, as the scheduler does every minute. */
    public void settleMoves() {
        clock.advance(Duration.ofMinutes(10));
        App.runJob(app, "challenges.advanceByDates");
    }

    /** Walks an open challenge through review and decision to closed. */
    public void close(Browser manager, long challengeId) {
        for (String state : new String[] {"REVIEW", "DECIDED", "CLOSED"}) assertEquals(302, move(manager, challengeId, state).code(), state);
    }

    /** An idea, sent past the similar ones the form shows, as a contributor sure of it does. */
    public long contribute(Browser member, long challengeId, String title) {
        return idFrom(member.post("/challenges/" + challengeId + "/contributions", "kind", "IDEA", "title", title,
                "body", "Here is why: *" + title + "*.", "anyway", "yes"));
    }

    public long comment(Browser member, long contributionId, String body, Long parent) {
        var response = member.post("/contributions/" + contributionId + "/comments", "body", body,
                "parent", parent == null ? "" : parent.toString());
        String location = location(response);
        return Long.parseLong(location.substring(location.indexOf("#comment-") + "#comment-".length()));
    }

    public long count(String sql, Object... args) {
        return jdbi().withHandle(h -> {
            var query = h.createQuery(sql);
            for (int i = 0; i < args.length; i++) query.bind(i, args[i]);
            return query.mapTo(Long.class).one();
        });
    }

    public String text(String sql, Object... args) {
        return jdbi().withHandle(h -> {
            var query = h.createQuery(sql);
            for (int i = 0; i < args.length; i++) query.bind(i, args[i]);
            return query.mapTo(String.class).one();
        });
    }

    public List<String> texts(String sql, Object... args) {
        return jdbi().withHandle(h -> {
            var query = h.createQuery(sql);
            for (int i = 0; i < args.length; i++) query.bind(i, args[i]);
            return query.mapTo(String.class).list();
        });
    }

    /** Runs work on the app's database through a second connection, as a job running beside the app would. */
    public <T> T withDatabase(java.util.function.Function<Database, T> work) {
        try (var db = Database.open(TestDatabase.url(folder))) {
            return work.apply(db);
        }
    }

    /** How many files the app keeps in a folder of its data folder. */
    public long files(String folder) {
        Path kept = this.folder.resolve(folder);
        if (!Files.exists(kept)) return 0;
        try (var listed = Files.list(kept)) {
            return listed.count();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public void execute(String sql) {
        jdbi().useHandle(h -> h.execute(sql));
    }

    /**
     * The same form sent {@code times} times at once from one browser, as a frantic double click or a retrying
     * client would; returns the status of each answer.
     */
    public static List<Integer> burst(Browser browser, int times, String path, String... fields) {
        var withToken = new ArrayList<>(List.of(fields));
        withToken.add("csrf");
        withToken.add(browser.csrf());
        String[] sent = withToken.toArray(String[]::new);
        var start = new java.util.concurrent.CountDownLatch(1);
        var pool = java.util.concurrent.Executors.newFixedThreadPool(times);
        try {
            var answers = new ArrayList<java.util.concurrent.Future<Integer>>();
            for (int i = 0; i < times; i++) {
                answers.add(pool.submit(() -> {
                    start.await();
                    return browser.postRaw(path, sent).code();
                }));
            }
            start.countDown();
            var codes = new ArrayList<Integer>();
            for (var answer : answers) codes.add(answer.get());
            return codes;
        } catch (Exception e) {
            throw new AssertionError(e);
        } finally {
            pool.shutdownNow();
        }
    }

    /** A new one-time key, as a form that carries one (the booking form) is drawn with. */
    public static String formKey() {
        return "form-" + java.util.UUID.randomUUID();
    }

    public static String location(Response response) {
        var values = response.headers().get("Location");
        if (values == null || values.isEmpty()) throw new AssertionError("expected a redirect, got " + response.code() + ": " + response.body().string());
        return values.get(0);
    }

    /** The id at the end of a redirect's address, as in /challenges/12. */
    public static long idFrom(Response response) {
        String location = location(response).replaceAll("#.*$", "");
        return Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
    }

    private Jdbi jdbi() {
        return Jdbi.create(TestDatabase.url(folder));
    }
}
