package app.atelier.expert;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.atelier.Config;
import app.atelier.db.Database;
import app.atelier.invoice.Documents;
import app.atelier.invoice.Operator;
import app.atelier.ledger.Account;
import app.atelier.ledger.Cause;
import app.atelier.ledger.Event;
import app.atelier.ledger.Hold;
import app.atelier.ledger.Ledger;
import app.atelier.ledger.Transfer;
import app.atelier.notification.Notifier;
import app.atelier.support.Site;
import app.atelier.support.TestClock;
import app.atelier.support.TestDatabase;
import app.atelier.web.HttpProblem;
import app.atelier.web.Viewer;
import java.nio.file.Files;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * Random sessions through the service on a real database, each ending one of the ways a session can: confirmed,
 * disputed and partly refunded, run past its length, never started, or cancelled by either side; each step also tried a second time, as a
 * double click or a retry would. After each, the hold is empty, and the organisation's wallet, the expert's
 * earnings and the platform's fee add up to what was deposited.
 */
class SessionLedgerPropertiesTest {
    private static Database db;
    private static final TestClock CLOCK = new TestClock(Site.START);
    private static final AtomicLong TRIES = new AtomicLong();
    private static ExpertService experts;

    enum Ending { CONFIRMED, DISPUTED, OVERRUN, NEVER_STARTED, CANCELLED }

    record Case(int planned, int free, long perMinute, int secondsRun, Ending ending, int refundPercent) {
    }

    @BeforeContainer
    static void open() throws Exception {
        db = Database.open(TestDatabase.url(Files.createTempDirectory("sessions")));
        var notifier = new Notifier("http://localhost", Config.HOME_ZONE);
        experts = new ExpertService(db, CLOCK, new Ledger(CLOCK), notifier, 1_000_00, new Documents(Operator.DEMO, CLOCK, notifier.webhooks()));
    }

    @AfterContainer
    static void close() {
        db.close();
        System.out.println("session ledger properties: " + TRIES.get() + " sessions checked");
    }

    @Provide
    Arbitrary<Case> cases() {
        return net.jqwik.api.Combinators.combine(Arbitraries.integers().between(5, 240), Arbitraries.integers().between(0, 60),
                Arbitraries.longs().between(1, 50_000), Arbitraries.integers().between(0, 20_000), Arbitraries.of(Ending.class),
                Arbitraries.integers().between(0, 100)).as(Case::new);
    }

    @Property(tries = 300)
    void theHoldEndsEmptyAndEveryCentIsAccountedFor(@ForAll("cases") Case c) {
        TRIES.incrementAndGet();
        long n = TRIES.get();
        long owner = insert("INSERT INTO member (email, email_key, name, password_hash, created_at) VALUES (:e, :e, 'Owner', '', 0)", "o" + n + "@x.test");
        long expert = insert("INSERT INTO member (email, email_key, name, password_hash, created_at) VALUES (:e, :e, 'Expert', '', 0)", "e" + n + "@x.test");
        long organisation = insert("INSERT INTO organisation (name, created_at) VALUES (:e, 0)", "Org " + n);
        db.execute(h -> h.createUpdate("INSERT INTO organisation_staff (organisation_id, member_id, role, added_at) VALUES (:o, :m, 'OWNER', 0)")
                .bind("o", organisation).bind("m", owner).execute());
        db.execute(h -> h.createUpdate("INSERT INTO billing_profile (organisation_id, legal_name, street, postcode, city, country, company_number, updated_by, "
                + "updated_at) VALUES (:o, 'Org SAS', '1 rue A', '75001', 'Paris', 'FR', '732829320', :m, 0)").bind("o", organisation).bind("m", owner).execute());
        long deposit = 100_000_000;
        db.execute(h -> new Ledger(CLOCK).record(h, Transfer.of("deposit:" + n, Event.DEPOSIT, "n", new Cause(Cause.DEPOSIT, organisation))
                .move(Account.world("EUR"), Account.wallet(organisation, "EUR"), deposit)));
        var ownerViewer = new Viewer(owner, "Owner", false);
        var expertViewer = new Viewer(expert, "Expert", false);
        db.execute(h -> h.createUpdate("""
                INSERT INTO expert_rate (member_id, per_minute, free_minutes, currency, open, updated_at) VALUES (:m, :rate, :free, 'EUR', 1, 0)""")
                .bind("m", expert).bind("rate", c.perMinute()).bind("free", c.free()).execute());
        long revenueBefore = balance(Account.revenue("EUR")) + balance(Account.tax("EUR"));

        var slot = CLOCK.instant().plus(Duration.ofDays(1));
        var day = slot.atZone(Config.HOME_ZONE);
        long session = experts.book(ownerViewer, expert, new ExpertService.BookingForm(String.valueOf(organisation), day.toLocalDate().toString(),
                day.toLocalTime().withSecond(0).withNano(0).toString(), String.valueOf(c.planned()), "Case " + n, "booking-key-number-" + n), Config.HOME_ZONE);
        long held = Bill.held(c.planned(), c.free(), c.perMinute());
        assertEquals(held, balance(Hold.session(session, organisation, "EUR").account()));
        CLOCK.advance(Duration.ofDays(1));
        switch (c.ending()) {
            case CANCELLED -> {
                experts.cancel(c.refundPercent() % 2 == 0 ? ownerViewer : expertViewer, session);
                assertThrows(HttpProblem.Conflict.class, () -> experts.cancel(ownerViewer, session), "cancelled once");
                CLOCK.advance(Duration.ofMinutes(c.planned()).plus(ExpertService.MARGIN));
                experts.settleDue();
            }
            case NEVER_STARTED -> {
                CLOCK.advance(Duration.ofMinutes(c.planned()).plus(ExpertService.MARGIN));
                experts.settleDue();
            }
            case OVERRUN -> {
                experts.start(expertViewer, session);
                CLOCK.advance(Duration.ofMinutes(c.planned()).plus(ExpertService.MARGIN));
                experts.settleDue();
                CLOCK.advance(ExpertService.TO_CONFIRM);
                experts.settleDue();
            }
            case CONFIRMED, DISPUTED -> {
                experts.start(expertViewer, session);
                assertThrows(HttpProblem.Conflict.class, () -> experts.start(expertViewer, session), "started once");
                CLOCK.advance(Duration.ofSeconds(c.secondsRun()));
                experts.end(expertViewer, session);
                assertThrows(HttpProblem.Conflict.class, () -> experts.end(expertViewer, session), "ended once");
                if (c.ending() == Ending.CONFIRMED) {
                    experts.confirm(ownerViewer, session);
                    assertThrows(HttpProblem.Conflict.class, () -> experts.confirm(ownerViewer, session), "paid once");
                } else {
                    experts.dispute(ownerViewer, session, "Too long");
                    long billed = experts.seen(ownerViewer, session).session().billed();
                    long refund = billed * c.refundPercent() / 100;
                    var admin = new Viewer(owner, "Admin", true);
                    experts.settle(admin, session, String.format(java.util.Locale.ROOT, "%d.%02d", refund / 100, refund % 100), java.util.Locale.ROOT);
                    assertThrows(HttpProblem.Conflict.class, () -> experts.settle(admin, session, "0", java.util.Locale.ROOT), "settled once");
                }
            }
        }
        var ended = experts.seen(ownerViewer, session).session();
        long billed = ended.billed() == null ? 0 : ended.billed();
        assertEquals(0, balance(Hold.session(session, organisation, "EUR").account()), "the hold ends empty");
        assertTrue(billed <= held, "never billed beyond what was held");
        if (ended.minutesUsed() != null && ended.minutesUsed() <= c.free()) assertEquals(0, billed, "free minutes are never billed");
        long paid = balance(Account.earnings(expert, "EUR"));
        long fee = balance(Account.revenue("EUR")) + balance(Account.tax("EUR")) - revenueBefore;
        assertEquals(deposit, balance(Account.wallet(organisation, "EUR")) + paid + fee, "every cent is in the wallet, the earnings, the fee or its VAT");
        assertEquals(billed - ended.refunded(), paid + fee, "what was paid is the bill less the refund");
    }

    private static long insert(String sql, String value) {
        return db.write(h -> h.createUpdate(sql).bind("e", value).executeAndReturnGeneratedKeys("id").mapTo(Long.class).one());
    }

    private static long balance(Account account) {
        return db.read(h -> new Ledger(CLOCK).balance(h, account));
    }
}
