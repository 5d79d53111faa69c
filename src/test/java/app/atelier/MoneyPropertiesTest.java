package app.atelier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.atelier.challenge.ChallengeService;
import app.atelier.challenge.ChallengeState;
import app.atelier.db.Database;
import app.atelier.expert.ExpertService;
import app.atelier.fee.FeeRates;
import app.atelier.invoice.Documents;
import app.atelier.invoice.FecRules;
import app.atelier.invoice.Operator;
import app.atelier.ledger.Account;
import app.atelier.ledger.Cause;
import app.atelier.ledger.Event;
import app.atelier.ledger.Keys;
import app.atelier.ledger.Ledger;
import app.atelier.ledger.Transfer;
import app.atelier.notification.Notifier;
import app.atelier.reward.contest.ContestService;
import app.atelier.reward.market.MarketService;
import app.atelier.reward.market.TaskService;
import app.atelier.reward.plan.ReflectionForm;
import app.atelier.reward.reflection.ReflectionService;
import app.atelier.reward.wallet.HoldCheck;
import app.atelier.support.Site;
import app.atelier.support.SqliteOnlyProperties;
import app.atelier.support.TestClock;
import app.atelier.support.TestDatabase;
import app.atelier.web.HttpProblem;
import app.atelier.web.Invalid;
import app.atelier.web.Viewer;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tag;
import net.jqwik.api.lifecycle.AddLifecycleHook;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * Random sequences of every money model together, through the services on a real database: a contest funded,
 * decided or cancelled; offers and paid tasks accepted, delivered, approved, rejected, disputed and settled; expert
 * sessions booked, run, cancelled and left to the job; payments after reflection; the fee rate changed between steps;
 * each step sometimes sent twice. After every step, every commitment's hold has exactly what it owes (so a finished
 * one's is empty), the sequence's transactions sum to zero, its money is all in the wallet, the holds, the earnings
 * and the fees, and a repeated step moved nothing. Slow (jqwik's own tag), and run on SQLite alone: the rules are the
 * services', and the second pass on PostgreSQL already runs every money test through the same SQL.
 */
@Tag("slow")
@AddLifecycleHook(SqliteOnlyProperties.class)
class MoneyPropertiesTest {
    private static final TestClock CLOCK = new TestClock(Site.START);
    private static final AtomicLong SEQUENCES = new AtomicLong();
    private static final AtomicLong STEPS = new AtomicLong();
    private static final AtomicLong REFUSED = new AtomicLong();
    private static final long DEPOSIT = 5_000_00;
    private static Database db;
    private static Ledger ledger;
    private static ChallengeService challenges;
    private static ContestService contests;
    private static MarketService market;
    private static TaskService tasks;
    private static ExpertService experts;
    private static ReflectionService reflections;
    private static FeeRates fees;

    enum Action {
        OPEN, CANCEL, REVIEW, SETTLE, DECIDE, OFFER, ACCEPT, DECLINE, DELIVER, APPROVE, REJECT, DISPUTE, RESOLVE, POST_TASK, APPLY, PICK,
        PAY_TASK, BOOK, START, END, CONFIRM, DISPUTE_SESSION, SETTLE_SESSION, CANCEL_SESSION, JOBS, PAY_REFLECTION, FEE
    }

    /** One step: what, which of the things it may act on, an amount in cents, and whether it is sent a second time. */
    record Step(Action action, int pick, long amount, boolean twice) {
    }

    /** One sequence's world: its organisation, people and the commitments made so far. */
    private static final class World {
        final long organisation;
        final long challenge;
        final Viewer owner;
        final Viewer admin;
        final List<Viewer> contributors;
        final Viewer expert;
        final List<Long> contributions;
        final List<Long> offers = new ArrayList<>();
        final List<Long> tasks = new ArrayList<>();
        final List<Long> sessions = new ArrayList<>();
        final long firstTransaction;

        World(long n) {
            organisation = insert("INSERT INTO organisation (name, created_at) VALUES (:v, 0)", "Org " + n);
            owner = member("Owner", n);
            admin = new Viewer(owner.id(), "Admin", true);
            contributors = List.of(member("Ana", n), member("Ben", n));
            expert = member("Expert", n);
            db.execute(h -> {
                h.createUpdate("INSERT INTO organisation_staff (organisation_id, member_id, role, added_at) VALUES (:o, :m, 'OWNER', 0)")
                        .bind("o", organisation).bind("m", owner.id()).execute();
                h.createUpdate("INSERT INTO billing_profile (organisation_id, legal_name, street, postcode, city, country, company_number, vat_number, "
                        + "updated_by, updated_at) VALUES (:o, 'Org SAS', '1 rue A', '75001', 'Paris', 'FR', '732829320', 'FR44732829320', :m, 0)")
                        .bind("o", organisation).bind("m", owner.id()).execute();
                // Ana is paid as each kind of payee in turn, so that every VAT case is held and paid; Ben as a private individual.
                String[][] cases = {{"FR", "FRANCHISE", null}, {"FR", "REGISTERED", "FR44732829320"}, {"BE", "REGISTERED", "BE0123456749"}};
                if (n % 4 != 0) {
                    var c = cases[(int) (n % 4) - 1];
                    h.createUpdate("INSERT INTO payee_profile (member_id, kind, vat_regime, legal_name, street, postcode, city, country, company_number, "
                            + "vat_number, mandate_accepted_at, updated_at) VALUES (:m, 'BUSINESS', :regime, 'Ana EI', '1 rue B', '69001', 'Lyon', :country, "
                            + "'732829320', :vat, 0, 0)").bind("m", contributors.get(0).id()).bind("regime", c[1]).bind("country", c[0]).bind("vat", c[2]).execute();
                }
                h.createUpdate("INSERT INTO expert_rate (member_id, per_minute, free_minutes, currency, open, updated_at) VALUES (:m, 150, 5, 'EUR', 1, 0)")
                        .bind("m", expert.id()).execute();
            });
            challenge = insert("INSERT INTO challenge (organisation_id, title, brief, stage, mode, kinds, state, created_by, created_at) "
                    + "VALUES (" + organisation + ", :v, '', 'IDEA_GENERATION', 'OUTSIDE_IN', 'IDEA', 'DRAFT', " + owner.id() + ", 0)", "Challenge " + n);
            db.execute(h -> {
                h.createUpdate("INSERT INTO reward_plan (challenge_id, mentions, mention_amount, reflection_days) VALUES (:c, 1, 5000, 7)")
                        .bind("c", challenge).execute();
                h.createUpdate("INSERT INTO reward_prize (challenge_id, rank, amount) VALUES (:c, 1, 30000)").bind("c", challenge).execute();
            });
            contributions = contributors.stream().map(c -> insert("INSERT INTO contribution (challenge_id, author_id, kind, title, body, status, trending, "
                    + "created_at, updated_at) VALUES (" + challenge + ", " + c.id() + ", 'IDEA', :v, '', 'ACCEPTED', 0, 0, 0)", "Idea of " + c.name())).toList();
            db.execute(h -> ledger.record(h, Transfer.of(Keys.deposit(organisation, "SEQ-" + n), Event.DEPOSIT, "SEQ-" + n, new Cause(Cause.DEPOSIT, organisation))
                    .move(Account.world("EUR"), Account.wallet(organisation, "EUR"), DEPOSIT)));
            firstTransaction = db.read(h -> h.createQuery("SELECT max(id) FROM ledger_transaction").mapTo(Long.class).one());
        }

        <T> T pick(List<T> from, int pick) {
            return from.get(Math.floorMod(pick, from.size()));
        }

        Viewer authorOf(long offer) {
            long member = db.read(h -> h.createQuery("SELECT member_id FROM market_offer WHERE id = :id").bind("id", offer).mapTo(Long.class).one());
            return new Viewer(member, "Author", false);
        }
    }

    @BeforeContainer
    static void open() throws Exception {
        db = Database.open(TestDatabase.url(Files.createTempDirectory("money")));
        ledger = new Ledger(CLOCK);
        var notifier = new Notifier("http://localhost", Config.HOME_ZONE);
        challenges = new ChallengeService(db, CLOCK, notifier, ContestService.funding(ledger));
        contests = new ContestService(db, CLOCK, ledger, challenges, notifier, new Documents(Operator.DEMO, CLOCK, notifier.webhooks()));
        market = new MarketService(db, CLOCK, ledger, notifier, Config.Ceilings.DEFAULT.paymentWithoutConfirming(), new Documents(Operator.DEMO, CLOCK, notifier.webhooks()));
        tasks = new TaskService(db, CLOCK, ledger, notifier);
        experts = new ExpertService(db, CLOCK, ledger, notifier, Config.Ceilings.DEFAULT.expertPerMinute(), new Documents(Operator.DEMO, CLOCK, notifier.webhooks()));
        reflections = new ReflectionService(db, CLOCK, ledger, notifier, Config.Ceilings.DEFAULT.paymentWithoutConfirming(), new Documents(Operator.DEMO, CLOCK, notifier.webhooks()));
        fees = new FeeRates(db);
    }

    @AfterContainer
    static void close() {
        var check = db.read(ledger::check);
        var holds = db.read(h -> h.attach(HoldCheck.class).unexplained());
        long fecLines = FecRules.check(db, Config.HOME_ZONE);
        System.out.println("FEC of the sequences' ledger: " + fecLines + " lines, every entry balanced, every account equal to the ledger's");
        db.close();
        System.out.println("money properties: " + SEQUENCES.get() + " sequences, " + STEPS.get() + " steps (" + REFUSED.get() + " refused as they should be)");
        assertTrue(check.sound(), check.toString());
        assertEquals(List.of(), holds);
    }

    @Provide
    Arbitrary<List<Step>> sequences() {
        return Combinators.combine(Arbitraries.of(Action.class), Arbitraries.integers().between(0, 7), Arbitraries.longs().between(0, 150_000),
                Arbitraries.integers().between(0, 4).map(i -> i == 0)).as(Step::new).list().ofMinSize(1).ofMaxSize(10);
    }

    @Property(tries = 5_000)
    void everyHoldCoversWhatItsCommitmentOwesAndNothingIsPaidTwice(@ForAll("sequences") List<Step> steps) {
        long n = SEQUENCES.incrementAndGet();
        var world = new World(n);
        for (var step : steps) {
            STEPS.incrementAndGet();
            String bookingKey = "booking-key-" + n + "-" + STEPS.get();
            if (step.action() == Action.JOBS) CLOCK.advance(Duration.ofMinutes(1 + step.amount() % 5000));
            attempt(() -> act(world, step, bookingKey));
            if (step.twice()) {
                var before = money(world);
                attempt(() -> act(world, step, bookingKey));
                assertEquals(before, money(world), step + " sent twice moved money twice");
            }
            check(world, step);
        }
    }

    private static void act(World w, Step s, String bookingKey) {
        var ana = w.pick(w.contributors, s.pick());
        String amount = String.format(Locale.ROOT, "%d.%02d", s.amount() / 100, s.amount() % 100);
        switch (s.action()) {
            case OPEN -> challenges.move(w.owner, w.challenge, ChallengeState.OPEN);
            case CANCEL -> challenges.move(w.owner, w.challenge, ChallengeState.CANCELLED);
            case REVIEW -> challenges.move(w.owner, w.challenge, ChallengeState.REVIEW);
            case SETTLE -> contests.settle(w.owner, w.challenge, Map.of(1, w.pick(w.contributions, s.pick())),
                    s.amount() % 2 == 0 ? List.of() : List.of(w.pick(w.contributions, s.pick() + 1)), "");
            case DECIDE -> challenges.move(w.owner, w.challenge, ChallengeState.DECIDED);
            case OFFER -> w.offers.add(market.offer(w.owner, w.pick(w.contributions, s.pick()), amount, Locale.ROOT));
            case ACCEPT -> offer(w, s, id -> market.accept(w.authorOf(id), id));
            case DECLINE -> offer(w, s, id -> market.decline(w.authorOf(id), id));
            case DELIVER -> offer(w, s, id -> market.deliver(w.authorOf(id), id, "Done"));
            case APPROVE -> offer(w, s, id -> market.approve(w.owner, id));
            case REJECT -> offer(w, s, id -> market.reject(w.owner, id, "Not this"));
            case DISPUTE -> offer(w, s, id -> market.dispute(w.authorOf(id), id, "It is"));
            case RESOLVE -> offer(w, s, id -> market.resolve(w.admin, id, s.amount() % 2 == 0));
            case POST_TASK -> w.tasks.add(tasks.post(w.owner, w.challenge, s.amount() % 3 == 0
                    ? new TaskService.TaskForm("Task", "Brief", "", new ReflectionForm(true, "3", "", "50"))
                    : new TaskService.TaskForm("Task", "Brief", amount, ReflectionForm.empty()), Locale.ROOT));
            case APPLY -> task(w, s, id -> tasks.apply(ana, id, "Me"));
            case PICK -> task(w, s, id -> w.offers.add(tasks.pick(w.owner, id, ana.id())));
            case PAY_TASK -> offer(w, s, id -> market.payAfterReflection(w.owner, id, amount, "", s.amount() % 2 == 0, Locale.ROOT));
            case BOOK -> {
                var day = CLOCK.instant().plus(Duration.ofHours(1 + s.pick() * 7L)).atZone(Config.HOME_ZONE);
                w.sessions.add(experts.book(w.owner, w.expert.id(), new ExpertService.BookingForm(String.valueOf(w.organisation), day.toLocalDate().toString(),
                        day.toLocalTime().withSecond(0).withNano(0).toString(), String.valueOf(5 + s.amount() % 100), "Topic", bookingKey), Config.HOME_ZONE));
            }
            case START -> session(w, s, id -> experts.start(w.expert, id));
            case END -> session(w, s, id -> experts.end(w.expert, id));
            case CONFIRM -> session(w, s, id -> experts.confirm(w.owner, id));
            case DISPUTE_SESSION -> session(w, s, id -> experts.dispute(w.owner, id, "Too long"));
            case SETTLE_SESSION -> session(w, s, id -> experts.settle(w.admin, id, String.format(Locale.ROOT, "%d.%02d", s.amount() % 500 / 100, s.amount() % 100),
                    Locale.ROOT));
            case CANCEL_SESSION -> session(w, s, id -> experts.cancel(s.amount() % 2 == 0 ? w.owner : w.expert, id));
            case JOBS -> {
                experts.settleDue();
                reflections.remindDue();
            }
            case PAY_REFLECTION -> reflections.pay(w.owner, w.challenge, new ReflectionService.PayForm(ReflectionService.Mode.EACH,
                    Map.of(ana.id(), amount), "", Map.of(), "", s.amount() % 2 == 0), Locale.ROOT);
            case FEE -> fees.set(w.admin, String.valueOf(s.amount() % 51), Locale.ROOT);
        }
    }

    private interface OnId {
        void run(long id);
    }

    private static void offer(World w, Step s, OnId action) {
        if (!w.offers.isEmpty()) action.run(w.pick(w.offers, s.pick()));
    }

    private static void task(World w, Step s, OnId action) {
        if (!w.tasks.isEmpty()) action.run(w.pick(w.tasks, s.pick()));
    }

    private static void session(World w, Step s, OnId action) {
        if (!w.sessions.isEmpty()) action.run(w.pick(w.sessions, s.pick()));
    }

    /** Runs a step; a refusal (a rule said no, with its reason) is an answer, anything else fails the property. */
    private static void attempt(Runnable step) {
        try {
            step.run();
        } catch (HttpProblem | Invalid refused) {
            REFUSED.incrementAndGet();
        }
    }

    /** The sequence's own accounts: its wallet, its holds, its members' earnings. */
    private static final String MINE = """
            WITH mine AS (SELECT id, balance FROM ledger_account WHERE (kind = 'WALLET' AND owner_id = :org) OR held_for = :org
                          OR (kind = 'EARNINGS' AND owner_id IN (<members>)))
            """;

    /**
     * Where the sequence's money is: the postings on its accounts, all they hold, their number, and the fees the
     * platform took in its transactions (the job may pay an earlier sequence's session meanwhile: its fee is not ours).
     */
    private static List<Long> money(World w) {
        return db.read(h -> h.createQuery(MINE + """
                SELECT (SELECT count(*) FROM ledger_posting WHERE account_id IN (SELECT id FROM mine)) AS n,
                       (SELECT coalesce(sum(balance), 0) FROM mine) AS total, (SELECT count(*) FROM mine) AS accounts,
                       (SELECT coalesce(sum(p.amount), 0) FROM ledger_posting p JOIN ledger_account a ON a.id = p.account_id AND a.kind IN ('REVENUE', 'TAX')
                        WHERE p.transaction_id IN (SELECT q.transaction_id FROM ledger_posting q WHERE q.account_id IN (SELECT id FROM mine))) AS fees""")
                .bind("org", w.organisation)
                .bindList("members", List.of(w.contributors.get(0).id(), w.contributors.get(1).id(), w.expert.id()))
                .map((rs, ctx) -> List.of(rs.getLong("n"), rs.getLong("total"), rs.getLong("accounts"), rs.getLong("fees"))).one());
    }

    private static void check(World w, Step step) {
        assertEquals(List.of(), db.read(h -> h.attach(HoldCheck.class).unexplained(w.organisation)), "after " + step);
        long sum = db.read(h -> h.createQuery("SELECT coalesce(sum(amount), 0) FROM ledger_posting WHERE transaction_id > :first")
                .bind("first", w.firstTransaction).mapTo(Long.class).one());
        assertEquals(0, sum, "the sequence's postings sum to zero, after " + step);
        var money = money(w);
        assertEquals(DEPOSIT, money.get(1) + money.get(3), "every cent is in the wallet, a hold, earnings, the fees or their VAT, after " + step);
    }

    private static Viewer member(String name, long n) {
        long id = insert("INSERT INTO member (email, email_key, name, password_hash, created_at) VALUES (:v, :v, '" + name + "', '', 0)",
                name.toLowerCase(Locale.ROOT) + n + "@x.test");
        return new Viewer(id, name, false);
    }

    private static long insert(String sql, String value) {
        return db.write(h -> h.createUpdate(sql).bind("v", value).executeAndReturnGeneratedKeys("id").mapTo(Long.class).one());
    }
}
