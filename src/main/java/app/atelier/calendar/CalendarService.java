package app.atelier.calendar;

import app.atelier.db.Database;
import app.atelier.expert.ExpertService;
import app.atelier.expert.SessionInvitation;
import app.atelier.expert.SessionState;
import app.atelier.notification.Notifier;
import app.atelier.web.HttpProblem;
import app.atelier.web.Paths;
import app.atelier.web.Text;
import app.atelier.web.Tokens;
import app.atelier.web.Viewer;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Optional;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.property.Uid;
import net.fortuna.ical4j.model.property.Url;

/**
 * Each member's private calendar feed, at a secret address a calendar subscribes to: their expert sessions (given,
 * or of the organisations they manage) and the opening and closing days of the challenges they run or took part in.
 * The address is shown once and kept as a hash; making a new one, or revoking it, ends the old one.
 */
public final class CalendarService {
    /** The most challenges a feed holds, the latest first. */
    static final int CHALLENGES = 200;

    private final Database db;
    private final Clock clock;
    private final ExpertService experts;
    private final Notifier notifier;

    public CalendarService(Database db, Clock clock, ExpertService experts, Notifier notifier) {
        this.db = db;
        this.clock = clock;
        this.experts = experts;
        this.notifier = notifier;
    }

    /** When the member's current feed was made, if they have one. */
    public Optional<Instant> madeAt(Viewer viewer) {
        return db.read(h -> h.attach(CalendarDao.class).madeAt(viewer.id()));
    }

    /** A new secret address, which replaces the one before; shown this once. */
    public String make(Viewer viewer) {
        String secret = Tokens.random();
        db.execute(h -> h.attach(CalendarDao.class).make(viewer.id(), Tokens.hash(secret), clock.instant()));
        return notifier.url(CalendarRoutes.FEED + secret);
    }

    public void revoke(Viewer viewer) {
        db.execute(h -> h.attach(CalendarDao.class).revoke(viewer.id()));
    }

    /** The feed a secret address opens, as iCalendar text; an address unknown or revoked is not found. */
    public String feed(String secret) {
        long member = db.read(h -> h.attach(CalendarDao.class).owner(Tokens.hash(secret))).orElseThrow(HttpProblem.NotFound::new);
        var owner = db.read(h -> h.attach(CalendarDao.class).member(member));
        var viewer = new Viewer(member, owner.name(), false);
        var text = Text.of(owner.locale() == null ? Text.FRENCH : Locale.forLanguageTag(owner.locale()), clock.getZone());
        var calendar = new Calendar().withProdId(SessionInvitation.PRODUCT).withDefaults().getFluentTarget();
        for (var session : experts.sessions(viewer)) {
            calendar.add(SessionInvitation.event(session, notifier.url(Paths.session(session.id())), session.state() == SessionState.CANCELLED));
        }
        var zone = clock.getZone();
        for (var c : db.read(h -> h.attach(CalendarDao.class).challenges(member, CHALLENGES))) {
            if (c.opensAt() != null) calendar.add(day(LocalDate.ofInstant(c.opensAt(), zone), text.t("calendar.opens", c.title()), "challenge-" + c.id() + "-opens@atelier", c.id()));
            if (c.closesAt() != null) calendar.add(day(LocalDate.ofInstant(c.closesAt(), zone), text.t("calendar.closes", c.title()), "challenge-" + c.id() + "-closes@atelier", c.id()));
        }
        return calendar.toString();
    }

    private VEvent day(LocalDate date, String summary, String uid, long challengeId) {
        var event = new VEvent(date, summary);
        event.add(new Uid(uid));
        event.add(new Url(URI.create(notifier.url(Paths.challenge(challengeId)))));
        return event;
    }
}
