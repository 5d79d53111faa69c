package app.atelier.expert;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.atelier.Config;
import app.atelier.invoice.Documents;
import app.atelier.invoice.Operator;
import app.atelier.ledger.Ledger;
import app.atelier.notification.Notifier;
import app.atelier.support.Browser;
import app.atelier.support.Site;
import app.atelier.support.TestClock;
import app.atelier.support.TestDatabase;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Expert minutes through the running app: a rate, a booking that holds the most it can cost, a session started,
 * run and ended by the expert, billed to the minute after the free ones, and paid once; and every way it can go
 * otherwise: no money, never started, run over, disputed.
 */
class ExpertMinutesTest {
    @TempDir
    Path dir;

    /** Claire owns Maison Vidal, with 100.00 EUR in its wallet; Sam offers 1.50 a minute, the first 10 free. */
    private record Scene(Site site, Browser admin, Browser owner, long organisation, Browser expert) {
        long book(String day, String time, String minutes) {
            return Site.idFrom(owner.post("/members/" + expert.memberId + "/book", "bookingKey", Site.formKey(), "organisationId", String.valueOf(organisation), "day", day,
                    "time", time, "minutes", minutes, "topic", "Review our lid"));
        }

        long wallet() {
            return site.count("SELECT coalesce(sum(balance), 0) FROM ledger_account WHERE kind = 'WALLET' AND owner_id = ?", organisation);
        }

        long held(long session) {
            return site.count("SELECT coalesce(sum(balance), 0) FROM ledger_account WHERE kind = 'HOLD' AND owner_id = ?", session);
        }

        long earnings() {
            return site.count("SELECT coalesce(sum(balance), 0) FROM ledger_account WHERE kind = 'EARNINGS' AND owner_id = ?", expert.memberId);
        }

        /** Runs the every-minute job as another instance would, on its own connections. */
        int settleDue() {
            return site.withDatabase(db -> new ExpertService(db, site.clock, new Ledger(site.clock), new Notifier("http://localhost", Config.HOME_ZONE), Config.Ceilings.DEFAULT.expertPerMinute(),
                    new Documents(Operator.DEMO, site.clock, new Notifier("http://localhost", Config.HOME_ZONE).webhooks())).settleDue());
        }
    }

    private void run(SceneSteps steps) {
        Site.run(TestDatabase.config(dir).withAdmins("admin@example.test"), new TestClock(Site.START), site -> {
            var admin = site.admin();
            var owner = site.member("Claire Vidal");
            long organisation = site.organisation(owner, "Maison Vidal");
            site.deposit(admin, organisation, "100");
            var expert = site.member("Sam Expert");
            assertEquals(302, expert.post("/expert", "perMinute", "1.50", "freeMinutes", "10", "open", "yes").code());
            steps.run(new Scene(site, admin, owner, organisation, expert));
        });
    }

    private interface SceneSteps {
        void run(Scene scene) throws Exception;
    }

    @Test
    void aSessionIsHeldThenBilledToTheMinuteAfterTheFreeOnesAndPaidOnce() {
        run(s -> {
            assertTrue(s.owner().page("/members/" + s.expert().memberId).contains("Book a session"));
            // 30 minutes planned, 10 free: 20 x 1.50 = 30.00 held.
            long session = s.book("2026-03-03", "14:00", "30");
            assertEquals(100_00 - 30_00, s.wallet());
            assertEquals(30_00, s.held(session));
            assertTrue(s.expert().page("/sessions/" + session).contains("Booked: the amount is held."));

            assertEquals(409, s.expert().post("/sessions/" + session + "/start").code(), "not the day before");
            s.site().clock.advance(Duration.ofHours(28).plusMinutes(50));
            assertEquals(403, s.owner().post("/sessions/" + session + "/start").code(), "the expert starts it");
            assertEquals(302, s.expert().post("/sessions/" + session + "/start").code());
            s.site().clock.advance(Duration.ofMinutes(12).plusSeconds(30));
            for (var side : new Browser[] {s.owner(), s.expert()}) {
                String page = side.page("/sessions/" + session);
                assertTrue(page.contains("Running for") && page.contains("13 min") && page.contains("€4.50"), "both see time and cost: 3 minutes billed");
            }
            assertEquals(403, s.owner().post("/sessions/" + session + "/end").code(), "the expert ends it");
            assertEquals(302, s.expert().post("/sessions/" + session + "/end").code());
            assertEquals(409, s.expert().post("/sessions/" + session + "/end").code(), "ended once");
            assertEquals(403, s.expert().post("/sessions/" + session + "/dispute", "reason", "Mine").code(), "the company disputes");
            assertEquals(100_00 - 4_50, s.wallet(), "what was not used came back at once");
            assertEquals(4_50, s.held(session));

            assertEquals(403, s.expert().post("/sessions/" + session + "/confirm").code(), "the company confirms");
            assertEquals(302, s.owner().post("/sessions/" + session + "/confirm").code());
            assertEquals(409, s.owner().post("/sessions/" + session + "/confirm").code(), "a double click pays once");
            // A fee of 15 % of 4.50 is 0.67, rounded down, and its VAT 0.13: 3.70 to the expert.
            assertEquals(3_70, s.earnings());
            assertEquals(0, s.held(session));
            String statement = s.owner().page("/sessions/" + session);
            assertTrue(statement.contains("Paid.") && statement.contains("€3.70") && statement.contains("€0.67") && statement.contains("€0.13")
                    && statement.contains("€25.50"), "a statement");
            String lines = s.site().text("SELECT lines FROM document WHERE kind = 'PAYMENT_STATEMENT' AND member_id = ?", s.expert().memberId);
            assertTrue(lines.contains("\"unit\":\"MIN\"") && lines.contains("Session d’expert"), "the minutes billed, at the rate: " + lines);
            assertEquals(List.of("PLATFORM_INVOICE 80", "PAYMENT_STATEMENT 450"), s.site().texts("SELECT kind || ' ' || total FROM document WHERE member_id = ? ORDER BY id",
                    s.expert().memberId), "the platform's invoice of 0.67 + 0.13 as the session ended, the expert's statement of 4.50 as it was paid");
            assertEquals(3, s.site().count("SELECT count(*) FROM ledger_transaction WHERE cause_type = 'session' AND cause_id = ?", session));
        });
    }

    @Test
    void aBookingTheWalletCannotCoverIsRefusedWithTheMissingAmount() {
        run(s -> {
            var refused = s.owner().post("/members/" + s.expert().memberId + "/book", "bookingKey", Site.formKey(), "organisationId", String.valueOf(s.organisation()),
                    "day", "2026-03-03", "time", "14:00", "minutes", "240", "topic", "A long review");
            assertEquals(422, refused.code());
            String page = refused.body().string();
            assertTrue(page.contains("€345.00") && page.contains("€245.00"), "230 minutes x 1.50 held, 245.00 missing");
            assertTrue(page.contains("A long review"), "what was typed is kept");
            assertEquals(0, s.site().count("SELECT count(*) FROM expert_session"));
            assertEquals(100_00, s.wallet());
        });
    }

    @Test
    void aSessionThatNeverStartsGivesItsHoldBackAfterItsSlotAndOneRunOverIsEndedAtItsLength() {
        run(s -> {
            long never = s.book("2026-03-03", "10:00", "30");
            long over = s.book("2026-03-03", "11:00", "20");
            assertEquals(100_00 - 30_00 - 15_00, s.wallet());
            s.site().clock.advance(Duration.ofHours(25).plusMinutes(1));
            assertEquals(302, s.expert().post("/sessions/" + over + "/start").code());
            s.site().clock.advance(Duration.ofHours(2));
            assertEquals(2, s.settleDue());
            assertEquals(0, s.settleDue(), "each once, whichever instance runs it");
            assertTrue(s.owner().page("/sessions/" + never).contains("Never started"));
            assertEquals(0, s.held(never));
            assertEquals(20L, s.site().count("SELECT minutes_used FROM expert_session WHERE id = ?", over), "ended at its planned length");
            assertEquals(100_00 - 15_00, s.wallet(), "the whole of the first came back; the second is billed in full");

            s.site().clock.advance(Duration.ofDays(3));
            assertEquals(1, s.settleDue(), "an ended session left unconfirmed is paid");
            assertTrue(s.expert().page("/sessions/" + over).contains("Paid."));
        });
    }

    @Test
    void eitherSideCancelsASessionNotYetStartedAndTheWholeHoldComesBack() {
        run(s -> {
            long first = s.book("2026-03-03", "10:00", "30");
            long second = s.book("2026-03-04", "10:00", "20");
            assertEquals(100_00 - 30_00 - 15_00, s.wallet());
            var stranger = s.site().member("Rob Stranger");
            assertEquals(404, stranger.post("/sessions/" + first + "/cancel").code(), "no one else learns it exists");
            assertEquals(403, s.owner().postRaw("/sessions/" + first + "/cancel").code(), "no token, no move");

            assertEquals(302, s.owner().post("/sessions/" + first + "/cancel").code());
            assertEquals(409, s.owner().post("/sessions/" + first + "/cancel").code(), "cancelled once");
            assertEquals(409, s.admin().post("/sessions/" + first + "/cancel").code(), "an admin, who may do what the owner may, finds it done");
            assertEquals(100_00 - 15_00, s.wallet(), "the whole hold came back at once");
            assertEquals(0, s.held(first));
            assertTrue(s.expert().page("/sessions/" + first).contains("Cancelled before it started"));
            assertEquals(1, s.site().count("SELECT count(*) FROM notification WHERE member_id = ? AND detail_key = 'session.state.cancelled'",
                    s.expert().memberId), "the expert is told");

            assertEquals(302, s.expert().post("/sessions/" + second + "/cancel").code(), "the expert may call it off too");
            assertEquals(100_00, s.wallet());
            assertEquals(1, s.site().count("SELECT count(*) FROM notification WHERE member_id = ? AND detail_key = 'session.state.cancelled'",
                    s.owner().memberId), "the company is told");
            s.site().clock.advance(Duration.ofDays(2));
            assertEquals(409, s.expert().post("/sessions/" + second + "/start").code(), "a cancelled session does not start");
            assertEquals(0, s.settleDue(), "nor is it released twice");
            assertEquals(100_00, s.wallet());
        });
    }

    @Test
    void aDisputedBillIsSettledByAnAdminWhoRefundsPart() {
        run(s -> {
            long session = s.book("2026-03-03", "14:00", "30");
            s.site().clock.advance(Duration.ofHours(29));
            s.expert().post("/sessions/" + session + "/start");
            s.site().clock.advance(Duration.ofMinutes(30));
            s.expert().post("/sessions/" + session + "/end");
            assertEquals(422, s.owner().post("/sessions/" + session + "/dispute", "reason", " ").code());
            assertEquals(302, s.owner().post("/sessions/" + session + "/dispute", "reason", "It stopped after 15 minutes <script>alert(1)</script>").code());
            String page = s.admin().page("/sessions/" + session);
            assertFalse(page.contains("<script>alert(1)"), "escaped");
            assertTrue(s.admin().page("/admin/sessions").contains("Review our lid"));
            assertEquals(403, s.owner().post("/sessions/" + session + "/settle", "refund", "10").code());
            for (String bad : new String[] {"31", "-1", "1.234", "ten", ""}) {
                assertEquals(422, s.admin().post("/sessions/" + session + "/settle", "refund", bad).code(), bad);
            }
            assertEquals(302, s.admin().post("/sessions/" + session + "/settle", "refund", "10").code());
            assertEquals(100_00 - 30_00 + 10_00, s.wallet());
            assertEquals(16_40, s.earnings(), "20.00 paid, less a fee of 3.00 and its VAT of 0.60");
            assertEquals(0, s.held(session));
        });
    }

    @Test
    void onlyTheExpertTheCompanysManagersAndAdminsSeeASessionAndBadInputIsRefused() {
        run(s -> {
            var stranger = s.site().member("Nosy Neighbour");
            assertEquals(403, stranger.get("/members/" + s.expert().memberId + "/book").code(), "books only for an organisation one manages");
            assertEquals(409, s.expert().get("/members/" + s.expert().memberId + "/book").code(), "not with oneself");
            assertEquals(404, s.owner().get("/members/" + stranger.memberId + "/book").code(), "no rate, no booking");
            var moderator = s.site().member("Mia Moreau");
            s.site().staff(s.owner(), s.organisation(), moderator, "MODERATOR");
            String bookLink = "/members/" + s.expert().memberId + "/book\"";
            assertFalse(moderator.page("/members/" + s.expert().memberId).contains(bookLink), "a moderator pays for nothing: no booking offered");
            assertFalse(moderator.page("/experts").contains(bookLink));
            assertEquals(403, moderator.get("/members/" + s.expert().memberId + "/book").code());
            assertTrue(s.owner().page("/experts").contains(bookLink), "the owner is offered it");
            assertFalse(s.expert().page("/experts").contains(bookLink), "not the expert");
            for (String[] bad : new String[][] {{"perMinute", "-1"}, {"perMinute", "0.125"}, {"perMinute", ""}, {"perMinute", "0"}, {"freeMinutes", "61"},
                    {"freeMinutes", "ten"}}) {
                String rate = bad[0].equals("perMinute") ? bad[1] : "2";
                String free = bad[0].equals("freeMinutes") ? bad[1] : "5";
                var refused = stranger.post("/expert", "perMinute", rate, "freeMinutes", free);
                assertEquals(422, refused.code(), String.join("=", bad));
            }
            assertEquals(0, s.site().count("SELECT count(*) FROM expert_rate WHERE member_id = ?", stranger.memberId));
            String book = "/members/" + s.expert().memberId + "/book";
            String org = String.valueOf(s.organisation());
            for (String[] bad : new String[][] {{"2026-03-01", "10:00", "30", "Past"}, {"tomorrow", "10:00", "30", "Day"}, {"2026-03-03", "25:00", "30", "Hour"},
                    {"2026-03-03", "10:00", "0", "Too short"}, {"2026-03-03", "10:00", "9999", "Too long"}, {"2026-03-03", "10:00", "x", "Not a number"},
                    {"2026-03-03", "10:00", "30", ""}, {"2026-03-03", "10:00", "30", "x".repeat(501)}, {"2027-04-03", "10:00", "30", "Over a year ahead"},
                    {"+999999999-12-31", "10:00", "30", "The end of time"}, {"-999999999-01-01", "10:00", "30", "The start of time"}}) {
                assertEquals(422, s.owner().post(book, "bookingKey", Site.formKey(), "organisationId", org, "day", bad[0], "time", bad[1], "minutes", bad[2], "topic", bad[3]).code(),
                        String.join(" ", bad[0], bad[1], bad[2]));
            }
            long strangersOrg = s.site().organisation(stranger, "Another Company");
            assertEquals(403, s.owner().post(book, "bookingKey", Site.formKey(), "organisationId", String.valueOf(strangersOrg), "day", "2026-03-03", "time", "10:00", "minutes", "30",
                    "topic", "Paid by someone else").code(), "someone else's wallet");
            assertEquals(403, s.owner().postRaw(book, "bookingKey", Site.formKey(), "organisationId", org, "day", "2026-03-03", "time", "10:00", "minutes", "30", "topic", "No token").code());
            assertEquals(400, s.owner().post(book, "organisationId", org, "day", "2026-03-03", "time", "10:00", "minutes", "30", "topic", "No key").code(),
                    "a booking comes from the booking form, with its one-time key");
            assertEquals(0, s.site().count("SELECT count(*) FROM expert_session"));

            long session = s.book("2026-03-03", "14:00", "30");
            assertEquals(404, stranger.get("/sessions/" + session).code(), "a stranger learns nothing");
            assertEquals(404, stranger.post("/sessions/" + session + "/confirm").code());
            assertEquals(200, s.admin().get("/sessions/" + session).code());
            assertEquals(403, s.expert().get("/admin/sessions").code());
            assertEquals(302, s.site().visitor().get("/sessions/" + session).code(), "a visitor is asked to sign in");
            assertEquals(302, s.site().visitor().get("/expert").code());
        });
    }

    @Test
    void theDirectoryListsExpertsWhoTakeBookingsByTheLevelTheCommunityGaveThem() {
        run(s -> {
            long challenge = s.site().openChallenge(s.owner(), s.organisation(), "A lighter lid");
            long idea = s.site().contribute(s.expert(), challenge, "A hollow knob");
            for (String status : new String[] {"ACCEPTED", "IMPLEMENTED"}) {
                assertEquals(302, s.owner().post("/contributions/" + idea + "/responses", "status", status, "body", "Thank you").code());
            }
            var newcomer = s.site().member("Nia New");
            assertEquals(302, newcomer.post("/expert", "perMinute", "0.80", "freeMinutes", "5", "open", "yes").code());
            var closed = s.site().member("Oli Closed");
            assertEquals(302, closed.post("/expert", "perMinute", "2", "freeMinutes", "0").code());

            String all = s.site().visitor().page("/experts");
            assertTrue(all.contains("Sam Expert") && all.contains("Nia New"), "anyone may look");
            assertFalse(all.contains("Oli Closed"), "an expert who takes no booking is not listed");
            assertTrue(all.indexOf("Sam Expert") < all.indexOf("Nia New"), "the most recognised first");
            assertTrue(all.contains("Contributor") && all.contains("€1.50 a minute, the first 10 minutes free"));
            assertFalse(all.contains("/book\""), "a visitor is not offered to book");

            String recognised = s.owner().page("/experts?level=CONTRIBUTOR");
            assertTrue(recognised.contains("Sam Expert") && !recognised.contains("Nia New"), "at least the level asked");
            assertTrue(recognised.contains("/members/" + s.expert().memberId + "/book"), "a company's manager may book from the list");
            assertTrue(s.owner().page("/experts?level=CHAMPION").contains("No expert at this level takes bookings yet."));
            assertEquals(400, s.owner().get("/experts?level=GURU").code());
            assertFalse(s.expert().page("/experts").contains("/members/" + s.expert().memberId + "/book"), "nobody books themselves");
        });
    }
}
