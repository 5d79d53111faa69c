package app.atelier.expert;

import app.atelier.db.Database;
import app.atelier.fee.Fee;
import app.atelier.fee.FeeRates;
import app.atelier.fee.VatTerms;
import app.atelier.invoice.BillingService;
import app.atelier.invoice.Document;
import app.atelier.invoice.Documents;
import app.atelier.ledger.Amounts;
import app.atelier.ledger.Event;
import app.atelier.ledger.Hold;
import app.atelier.ledger.Ledger;
import app.atelier.notification.Notice;
import app.atelier.notification.NotificationKind;
import app.atelier.notification.Notifier;
import app.atelier.organisation.OrganisationAccess;
import app.atelier.recognition.Level;
import app.atelier.recognition.Recognition;
import app.atelier.web.Amount;
import app.atelier.web.Errors;
import app.atelier.web.Forms;
import app.atelier.web.HttpProblem;
import app.atelier.web.Invalid;
import app.atelier.web.Paths;
import app.atelier.web.Text;
import app.atelier.web.Tokens;
import app.atelier.web.Viewer;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.LongFunction;
import org.jdbi.v3.core.Handle;

/**
 * Expert minutes. An expert sets a rate per minute and some free first minutes; an organisation's owner or manager
 * books a slot, and the most the session can cost is held from the wallet at once. The expert starts and ends it;
 * it is billed to the begun minute, free minutes first, and what the bill does not take goes back at once. The
 * organisation confirms and the expert is paid, less the platform's fee; or disputes, and a platform admin refunds
 * part or none. Every movement of money is a ledger transaction with a key of its own, so repeating a step changes
 * nothing.
 */
public final class ExpertService {
    static final String CURRENCY = "EUR";
    static final int MOST_FREE_MINUTES = 60;
    static final int SHORTEST = 5;
    static final int LONGEST = 240;
    static final int TOPIC_MAX = 500;
    static final int REASON_MAX = 2000;
    static final int DIRECTORY = 500;
    /** A session runs on this long past its planned length before it is ended for the expert. */
    static final Duration MARGIN = Duration.ofMinutes(10);
    /** An ended session the organisation neither confirms nor disputes is paid after this long. */
    static final Duration TO_CONFIRM = Duration.ofDays(3);
    /** The expert may start this long before the slot. */
    static final Duration EARLY = Duration.ofMinutes(15);
    /** A slot is booked at most this far ahead. */
    static final Duration FURTHEST = Duration.ofDays(366);
    /** The highest rate an expert may ask, in cents a minute, unless the platform sets another. */
    public static final long MOST_PER_MINUTE = 20_00;

    private final Database db;
    private final Clock clock;
    private final Ledger ledger;
    private final Notifier notifier;
    private final Documents documents;
    private final long mostPerMinute;

    public ExpertService(Database db, Clock clock, Ledger ledger, Notifier notifier, long mostPerMinute, Documents documents) {
        this.db = db;
        this.documents = documents;
        this.clock = clock;
        this.ledger = ledger;
        this.notifier = notifier;
        this.mostPerMinute = mostPerMinute;
    }

    /** The rate as typed on the expert's form. */
    public record RateForm(String perMinute, String freeMinutes, boolean open) {
        public static RateForm of(Optional<ExpertRate> rate, LongFunction<String> amount) {
            return rate.map(r -> new RateForm(amount.apply(r.perMinute()), Integer.toString(r.freeMinutes()), r.open())).orElse(new RateForm("", "0", true));
        }
    }

    /**
     * A booking as typed: the organisation that pays, the day and time of the slot, its length, what it is about, and
     * the one-time key the form was drawn with, so that the same form sent twice books once.
     */
    public record BookingForm(String organisationId, String day, String time, String minutes, String topic, String key) {
        public static BookingForm empty() {
            return new BookingForm("", "", "", "30", "", Tokens.random());
        }
    }

    /** An organisation the viewer may book for: one they own or manage. */
    public record Payer(long id, String name) {
    }

    /** An expert as a company sees them before booking, and the organisations the viewer may book for. */
    public record Bookable(long expertId, String name, ExpertRate rate, List<Payer> organisations) {
    }

    /** A member as a booker of experts: the organisations they pay for as an owner or manager; none for a visitor. */
    public record Booker(long memberId, List<Payer> organisations) {
        /** Why they may not book this expert, or null: nobody books themselves, and someone must pay. */
        public HttpProblem refusal(long expertId) {
            if (expertId == memberId) return new HttpProblem.Conflict("expert.notYourself");
            if (organisations.isEmpty()) return new HttpProblem.Forbidden();
            return null;
        }

        public boolean mayBook(long expertId) {
            return refusal(expertId) == null;
        }
    }

    public Booker booker(Viewer viewer) {
        if (!viewer.signedIn()) return new Booker(0, List.of());
        return db.read(h -> new Booker(viewer.id(), h.attach(ExpertDao.class).payers(viewer.id())));
    }

    /** An expert who takes bookings, as the directory lists them. */
    public record Listed(long memberId, String name, long perMinute, int freeMinutes, String currency) {
    }

    /** An expert in the directory, with the level the community's recognition gave them. */
    public record Recognised(Listed expert, Level level) {
    }

    /**
     * The experts who take bookings, at {@code least} this level (any when null), the most recognised first. The
     * directory reads the {@value #DIRECTORY} latest to set their rate.
     */
    public List<Recognised> directory(Level least) {
        return db.read(h -> {
            var listed = h.attach(ExpertDao.class).open(DIRECTORY);
            var levels = Recognition.levels(h, listed.stream().map(Listed::memberId).toList());
            return listed.stream().map(e -> new Recognised(e, levels.get(e.memberId())))
                    .filter(r -> least == null || r.level().compareTo(least) >= 0)
                    .sorted(Comparator.comparing(Recognised::level).reversed().thenComparing(r -> r.expert().name()))
                    .toList();
        });
    }

    /** The member's rate, while they take bookings. */
    public Optional<ExpertRate> openRate(long memberId) {
        return db.read(h -> h.attach(ExpertDao.class).rate(memberId).filter(ExpertRate::open));
    }

    public Optional<ExpertRate> rate(Viewer viewer) {
        return db.read(h -> h.attach(ExpertDao.class).rate(viewer.id()));
    }

    /** Sets the expert's own rate: a positive amount in cents (two decimals at most) up to the platform's ceiling, and up to an hour free. */
    public void setRate(Viewer viewer, RateForm form, Locale locale) {
        var errors = Errors.none();
        var perMinute = Amounts.parse(form.perMinute(), locale, CURRENCY);
        if (perMinute.isEmpty()) errors.add("perMinute", "error.amount");
        else if (perMinute.get() == 0) errors.add("perMinute", "error.amountPositive");
        else if (perMinute.get() > mostPerMinute) errors.add("perMinute", "expert.rateTooHigh", new Amount(mostPerMinute, CURRENCY));
        int free = Forms.wholeNumber(form.freeMinutes(), 0, MOST_FREE_MINUTES);
        if (free < 0) errors.add("freeMinutes", "expert.freeMinutesRange", MOST_FREE_MINUTES);
        Invalid.unless(errors);
        db.execute(h -> h.attach(ExpertDao.class).putRate(viewer.id(), perMinute.get(), free, CURRENCY, form.open(), clock.instant()));
    }

    /** The expert, if they take bookings, for one who may book for at least one organisation. */
    public Bookable bookable(Viewer viewer, long expertId) {
        return db.read(h -> bookable(h, viewer, expertId));
    }

    private static Bookable bookable(Handle h, Viewer viewer, long expertId) {
        var rate = h.attach(ExpertDao.class).rate(expertId).filter(ExpertRate::open).orElseThrow(HttpProblem.NotFound::new);
        var dao = h.attach(ExpertDao.class);
        var booker = new Booker(viewer.id(), dao.payers(viewer.id()));
        var refusal = booker.refusal(expertId);
        if (refusal != null) throw refusal;
        return new Bookable(expertId, dao.name(expertId), rate, booker.organisations());
    }

    /**
     * Books a slot: refused in the past or more than a year ahead, when the expert or the organisation already has a
     * session then, for an organisation the viewer does not manage, or when the wallet cannot hold the most the
     * session can cost (the refusal says how much is missing). The same form sent again returns the session it booked.
     */
    public long book(Viewer viewer, long expertId, BookingForm form, ZoneId zone) {
        var errors = Errors.none().text("topic", form.topic(), TOPIC_MAX);
        int minutes = Forms.wholeNumber(form.minutes(), SHORTEST, LONGEST);
        if (minutes < 0) errors.add("minutes", "expert.minutesRange", SHORTEST, LONGEST);
        Instant slot = slot(form, zone, errors);
        Long organisationId = form.organisationId().strip().matches("\\d{1,18}") ? Long.valueOf(form.organisationId().strip()) : null;
        if (organisationId == null) errors.add("organisationId", "error.required");
        if (!form.key().matches("[A-Za-z0-9_-]{16,64}")) throw new HttpProblem.BadRequest();
        Invalid.unless(errors);
        return db.write(h -> {
            var sessions = h.attach(ExpertDao.class);
            var booked = sessions.booked(viewer.id(), form.key());
            if (booked.isPresent()) return booked.get();
            var bookable = bookable(h, viewer, expertId);
            if (bookable.organisations().stream().noneMatch(o -> o.id() == organisationId)) throw new HttpProblem.Forbidden();
            BillingService.requireBilling(h, organisationId);
            if (sessions.overlaps(expertId, organisationId, slot, slot.plus(Duration.ofMinutes(minutes)))) throw Invalid.of("time", "expert.slotTaken");
            var rate = bookable.rate();
            long held = Bill.held(minutes, rate.freeMinutes(), rate.perMinute());
            var vat = BillingService.terms(h, expertId);
            long id = sessions.book(organisationId, expertId, viewer.id(), form.topic().strip(), slot, minutes, rate.perMinute(),
                    rate.freeMinutes(), rate.currency(), held, clock.instant(), FeeRates.current(h).rateBp(), form.key(), vat);
            long withVat = held + VatTerms.vat(held, vat.priceVatBp());
            if (held > 0) {
                try {
                    Hold.session(id, organisationId, rate.currency()).take(ledger, h, Hold.Step.HOLD, withVat, Event.SESSION_HELD, form.topic().strip());
                } catch (Ledger.Insufficient refused) {
                    throw Invalid.of("minutes", "expert.unfunded", new Amount(withVat, rate.currency()), new Amount(refused.missing(), rate.currency()));
                }
            }
            notifier.notify(h, Notice.by(viewer, NotificationKind.REWARD, form.topic().strip(), "session.state.booked", Paths.session(id)),
                    List.of(expertId), clock.instant());
            invite(h, id, false);
            return id;
        });
    }

    /** Both sides get the session in their calendar: an invitation when it is booked, its cancellation when it is cancelled. */
    private void invite(Handle h, long id, boolean cancelled) {
        var dao = h.attach(ExpertDao.class);
        var session = dao.find(id).orElseThrow();
        var booker = dao.party(session.bookedBy());
        var expert = dao.party(session.expertId());
        String calendar = SessionInvitation.of(session, notifier.url(Paths.session(id)), booker.email(), expert.email(), cancelled);
        for (var party : List.of(booker, expert)) {
            var text = Text.of(party.locale() == null ? Text.FRENCH : Locale.forLanguageTag(party.locale()), clock.getZone());
            notifier.invite(h, party.id(), party.email(), text, cancelled ? "email.sessionCancelled" : "email.sessionInvitation", Paths.session(id), calendar,
                    clock.instant(), session.topic(), text.moment(session.slotAt()), session.plannedMinutes(), session.expertName(), session.organisationName());
        }
    }

    /** The slot the form names, from now to a year ahead, or null with the reason beside the day. */
    private Instant slot(BookingForm form, ZoneId zone, Errors errors) {
        try {
            var slot = LocalDate.parse(form.day().strip()).atTime(LocalTime.parse(form.time().strip())).atZone(zone).toInstant();
            if (!slot.isAfter(clock.instant())) errors.add("day", "expert.slotPast");
            else if (slot.isAfter(clock.instant().plus(FURTHEST))) errors.add("day", "expert.slotTooFar");
            return slot;
        } catch (DateTimeException | ArithmeticException e) {
            errors.add("day", "expert.slotFormat");
            return null;
        }
    }

    /**
     * A session and what the viewer may do with it; the fee is the one frozen when it was booked.
     * @param documents what its payment left that the viewer is a party to; none before it is paid
     */
    public record Seen(Session session, Fee fee, boolean expert, boolean manages, boolean admin, Instant now, List<Document> documents) {
        /** The final bill once ended, the running one as of the page while it runs. */
        public Bill bill() {
            return session.bill(now);
        }

        /** What the expert is paid of the bill less any refund: gross, the platform's fee, and net. */
        public Fee.Breakdown breakdown() {
            return fee.breakdown(bill().cost() - session.refunded(), session.vat());
        }

        /** Whether the viewer may take this step now: their part in the session, and the state it is in. */
        public boolean may(SessionStep step) {
            return takes(step) && session.state() == step.from;
        }

        /** Whether the viewer is one of the parties who take this step. */
        boolean takes(SessionStep step) {
            return step.parties.stream().anyMatch(party -> switch (party) {
                case EXPERT -> expert;
                case MANAGER -> manages;
                case ADMIN -> admin;
            });
        }

        void require(SessionStep step) {
            if (!takes(step)) throw new HttpProblem.Forbidden();
        }
    }

    /** The session, for its expert, the organisation's owners and managers, and platform admins; no one else learns it exists. */
    public Seen seen(Viewer viewer, long id) {
        return db.read(h -> seen(h, viewer, id));
    }

    private Seen seen(Handle h, Viewer viewer, long id) {
        var session = h.attach(ExpertDao.class).find(id).orElseThrow(HttpProblem.NotFound::new);
        boolean expert = viewer.signedIn() && viewer.id() == session.expertId();
        boolean manages = viewer.signedIn() && OrganisationAccess.of(h, viewer, session.organisationId()).manages();
        if (!expert && !manages && !viewer.admin()) throw new HttpProblem.NotFound();
        return new Seen(session, FeeRates.frozen(h, session.feeRateBp()), expert, manages, viewer.admin(), clock.instant(),
                Documents.ofPayments(h, viewer, session.hold().key(Hold.Step.PAY), session.hold().key(Hold.Step.REFUND)));
    }

    public List<Session> sessions(Viewer viewer) {
        return db.read(h -> h.attach(ExpertDao.class).of(viewer.id()));
    }

    public List<Session> disputed(Viewer admin) {
        if (!admin.admin()) throw new HttpProblem.Forbidden();
        return db.read(h -> h.attach(ExpertDao.class).disputed());
    }

    /** The expert starts the session, from a little before its slot. */
    public void start(Viewer viewer, long id) {
        db.execute(h -> {
            var seen = seen(h, viewer, id);
            seen.require(SessionStep.START);
            if (clock.instant().isBefore(seen.session().slotAt().minus(EARLY))) throw new HttpProblem.Conflict("expert.tooEarly");
            if (h.attach(ExpertDao.class).start(id, clock.instant()) == 0) throw new HttpProblem.Conflict("expert.stateChanged");
        });
    }

    /** Either side calls off a session not yet started: its whole hold goes back to the wallet, and the other side is told. */
    public void cancel(Viewer viewer, long id) {
        db.execute(h -> {
            var seen = seen(h, viewer, id);
            seen.require(SessionStep.CANCEL);
            var session = seen.session();
            if (h.attach(ExpertDao.class).cancel(id) == 0) throw new HttpProblem.Conflict("expert.stateChanged");
            release(h, session, session.withVat(session.held()));
            invite(h, id, true);
            if (seen.expert()) {
                notifier.notifyStaff(h, session.organisationId(), Notice.by(viewer, NotificationKind.REWARD, session.topic(),
                        "session.state.cancelled", Paths.session(id)),
                        clock.instant());
            } else {
                notifier.notify(h, Notice.by(viewer, NotificationKind.REWARD, session.topic(), "session.state.cancelled", Paths.session(id)),
                        List.of(session.expertId()), clock.instant());
            }
        });
    }

    /** The expert ends the session: it is billed, and what the bill does not take goes back to the wallet. */
    public void end(Viewer viewer, long id) {
        db.execute(h -> {
            var seen = seen(h, viewer, id);
            seen.require(SessionStep.END);
            if (!end(h, seen.session(), clock.instant())) throw new HttpProblem.Conflict("expert.stateChanged");
        });
    }

    private boolean end(Handle h, Session session, Instant at) {
        long id = session.id();
        var bill = session.bill(at);
        if (h.attach(ExpertDao.class).end(id, at, bill.minutesUsed(), bill.cost()) == 0) return false;
        release(h, session, session.withVat(session.held()) - session.withVat(bill.cost()));
        if (bill.cost() > 0) {
            var due = LocalDate.ofInstant(at.plus(TO_CONFIRM), clock.getZone());
            documents.billed(h, payment(h, session, bill.cost(), Documents.Quantity.minutes(bill.billedMinutes(), session.perMinute())), due);
        }
        notifier.notifyStaff(h, session.organisationId(), new Notice(NotificationKind.REWARD, session.expertId(), session.expertName(), session.topic(),
                "session.state.ended", Paths.session(id)),
                clock.instant());
        return true;
    }

    private void release(Handle h, Session session, long amount) {
        if (amount > 0) session.hold().giveBack(ledger, h, Hold.Step.RELEASE, amount, Event.SESSION_RELEASED, session.topic());
    }

    /** The organisation confirms the bill: the expert is paid it, less the platform's fee. */
    public void confirm(Viewer viewer, long id) {
        db.execute(h -> {
            var seen = seen(h, viewer, id);
            seen.require(SessionStep.CONFIRM);
            if (!pay(h, seen.session(), SessionState.ENDED, 0)) throw new HttpProblem.Conflict("expert.stateChanged");
        });
    }

    private boolean pay(Handle h, Session session, SessionState from, long refund) {
        long id = session.id();
        if (h.attach(ExpertDao.class).paid(id, from, refund) == 0) return false;
        var hold = session.hold();
        long paid = session.billed() - refund;
        long refundWithVat = session.withVat(session.billed()) - session.withVat(paid);
        if (refundWithVat > 0) hold.giveBack(ledger, h, Hold.Step.REFUND, refundWithVat, Event.SESSION_REFUNDED, session.topic());
        if (paid > 0) {
            ledger.record(h, FeeRates.frozen(h, session.feeRateBp()).pay(hold.transfer(Hold.Step.PAY, Event.SESSION_PAID, session.topic()), hold.account(),
                    session.expertId(), paid, session.vat()));
        }
        if (refund > 0) {
            // What is left of the bill after a refund, as one line.
            documents.corrected(h, hold.key(Hold.Step.REFUND), payment(h, session, paid, Documents.Quantity.one(paid)));
        } else if (paid > 0) {
            documents.settled(h, payment(h, session, paid, Documents.Quantity.minutes(paid / session.perMinute(), session.perMinute())));
        }
        notifier.notify(h, new Notice(NotificationKind.REWARD, session.bookedBy(), session.organisationName(), session.topic(),
                "session.state.paid", Paths.session(id)),
                List.of(session.expertId()), clock.instant());
        return true;
    }

    /** The session's bill, or what is paid of it, as its documents name it: paid by the transfer that pays the expert. */
    private static Documents.Payment payment(Handle h, Session session, long amount, Documents.Quantity quantity) {
        return new Documents.Payment(session.organisationId(), session.expertId(), "Session d’expert : " + session.topic(), session.currency(),
                FeeRates.frozen(h, session.feeRateBp()).breakdown(amount, session.vat()), session.hold().key(Hold.Step.PAY), quantity);
    }

    /** The organisation disputes the bill, saying why; a platform admin decides. */
    public void dispute(Viewer viewer, long id, String reason) {
        Invalid.unless(Errors.none().text("reason", reason, REASON_MAX));
        db.execute(h -> {
            seen(h, viewer, id).require(SessionStep.DISPUTE);
            if (h.attach(ExpertDao.class).dispute(id, reason.strip()) == 0) throw new HttpProblem.Conflict("expert.stateChanged");
        });
    }

    /** A platform admin settles a dispute: {@code refund} (up to the bill) goes back to the wallet, the rest to the expert. */
    public void settle(Viewer admin, long id, String refund, Locale locale) {
        if (!admin.admin()) throw new HttpProblem.Forbidden();
        db.execute(h -> {
            var session = seen(h, admin, id).session();
            if (session.state() != SessionState.DISPUTED) throw new HttpProblem.Conflict("expert.stateChanged");
            var amount = Amounts.parse(refund, locale, session.currency());
            if (amount.isEmpty()) throw Invalid.of("refund", "error.amount");
            if (amount.get() > session.billed()) throw Invalid.of("refund", "expert.refundTooMuch", new Amount(session.billed(), session.currency()));
            if (!pay(h, session, SessionState.DISPUTED, amount.get())) throw new HttpProblem.Conflict("expert.stateChanged");
        });
    }

    /**
     * What the scheduler does every minute, on every instance, each session once: a session never started gives its
     * whole hold back after its slot; one run past its length and the margin is ended at its planned length; one the
     * organisation left unconfirmed for {@code TO_CONFIRM} is paid. Returns how many sessions moved.
     */
    public int settleDue() {
        var now = clock.instant();
        return db.write(h -> {
            var sessions = h.attach(ExpertDao.class);
            int moved = 0;
            for (long id : sessions.neverStarted(now, MARGIN.toMillis())) {
                var session = sessions.find(id).orElseThrow();
                if (sessions.expire(id) == 0) continue;
                release(h, session, session.withVat(session.held()));
                moved++;
            }
            for (long id : sessions.overrunning(now, MARGIN.toMillis())) {
                var session = sessions.find(id).orElseThrow();
                if (end(h, session, session.startedAt().plus(Duration.ofMinutes(session.plannedMinutes())))) moved++;
            }
            for (long id : sessions.unconfirmed(now.minus(TO_CONFIRM))) {
                if (pay(h, sessions.find(id).orElseThrow(), SessionState.ENDED, 0)) moved++;
            }
            return moved;
        });
    }

}
