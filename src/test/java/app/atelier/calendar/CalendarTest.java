package app.atelier.calendar;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.atelier.support.Site;
import app.atelier.support.TestClock;
import app.atelier.support.TestDatabase;
import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.data.ParserException;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.VEvent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Calendars through the running app: a session's invitation and cancellation to both sides, and a member's feed at its secret address. */
class CalendarTest {
    private static final Pattern FEED = Pattern.compile("http://localhost(/calendar/[A-Za-z0-9_-]{43})");

    @TempDir
    Path dir;

    private static Calendar parsed(String ics) {
        try {
            return new CalendarBuilder().build(new StringReader(ics));
        } catch (IOException | ParserException e) {
            throw new IllegalStateException(ics, e);
        }
    }

    private static String property(Calendar calendar, String name) {
        return calendar.getProperty(name).map(Property::getValue).orElse("");
    }

    private static String property(VEvent event, String name) {
        return event.getProperty(name).map(Property::getValue).orElse("");
    }

    @Test
    void aBookedSessionInvitesBothSidesAndItsCancellationRemovesIt() {
        Site.run(TestDatabase.config(dir).withAdmins("admin@example.test"), new TestClock(Site.START), site -> {
            var owner = site.member("Claire Vidal");
            long organisation = site.organisation(owner, "Maison Vidal");
            site.deposit(site.admin(), organisation, "100");
            var expert = site.member("Sam Expert");
            assertEquals(302, expert.post("/expert", "perMinute", "1.50", "freeMinutes", "10", "open", "yes").code());
            String session = "/sessions/" + Site.idFrom(owner.post("/members/" + expert.memberId + "/book", "bookingKey", Site.formKey(), "organisationId",
                    String.valueOf(organisation), "day", "2026-03-03", "time", "14:00", "minutes", "30", "topic", "Review our lid"));

            List<String> invitations = site.texts("SELECT calendar FROM outbox WHERE calendar IS NOT NULL ORDER BY to_address");
            assertEquals(2, invitations.size(), "both sides");
            assertEquals(List.of(site.email(owner), site.email(expert)).stream().sorted().toList(),
                    site.texts("SELECT to_address FROM outbox WHERE calendar IS NOT NULL ORDER BY to_address"));
            var invitation = parsed(invitations.get(0));
            assertEquals("REQUEST", property(invitation, "METHOD"));
            VEvent event = invitation.getComponent("VEVENT").map(VEvent.class::cast).orElseThrow();
            assertEquals("20260303T130000Z", property(event, "DTSTART"), "14:00 in Paris");
            assertEquals("PT30M", property(event, "DURATION"));
            assertEquals("Review our lid", property(event, "SUMMARY"));
            assertEquals("mailto:" + site.email(expert), property(event, "ATTENDEE"));
            String uid = property(event, "UID");

            assertEquals(302, owner.post(session + "/cancel").code());
            var cancellation = parsed(site.text("SELECT calendar FROM outbox WHERE calendar LIKE '%METHOD:CANCEL%' AND to_address = ?", site.email(expert)));
            VEvent cancelled = cancellation.getComponent("VEVENT").map(VEvent.class::cast).orElseThrow();
            assertEquals(uid, property(cancelled, "UID"), "the same event");
            assertEquals("1", property(cancelled, "SEQUENCE"));
            assertEquals("CANCELLED", property(cancelled, "STATUS"));
        });
    }

    @Test
    void aMembersFeedHoldsTheirSessionsAndChallengeDatesUntilItIsRevoked() {
        Site.run(TestDatabase.config(dir).withAdmins("admin@example.test"), new TestClock(Site.START), site -> {
            var scene = site.openChallenge("A lunch box for cyclists", "closesOn", "2026-04-30").withIdea("Ana Ruiz", "Insulated pannier");
            var ana = scene.author();
            assertEquals(200, ana.get("/account/calendar").code());
            var made = ana.post("/account/calendar");
            assertEquals(200, made.code());
            var address = FEED.matcher(made.body().string());
            assertTrue(address.find(), "the address is shown once");
            assertFalse(ana.page("/account/calendar").contains(address.group(1)), "and not again");
            assertEquals(1, site.count("SELECT count(*) FROM calendar_feed WHERE secret_hash <> ?", address.group(1).substring(10)), "kept as a hash");

            var feed = site.visitor().get(address.group(1));
            assertEquals(200, feed.code());
            var calendar = parsed(feed.body().string());
            var summaries = calendar.getComponents("VEVENT").stream().map(c -> property((VEvent) c, "SUMMARY")).toList();
            assertTrue(summaries.contains("Closes: A lunch box for cyclists"), summaries.toString());

            assertEquals(404, site.visitor().get("/calendar/" + "x".repeat(43)).code(), "an address no one was given");
            var again = FEED.matcher(ana.post("/account/calendar").body().string());
            assertTrue(again.find());
            assertEquals(404, site.visitor().get(address.group(1)).code(), "a new address ends the old one");
            assertEquals(302, ana.post("/account/calendar/revoke").code());
            assertEquals(404, site.visitor().get(again.group(1)).code(), "refused once revoked");
            assertEquals(302, site.visitor().get("/account/calendar").code(), "a visitor is sent to sign in");
            assertEquals(403, ana.postRaw("/account/calendar").code(), "no form token");
        });
    }
}
