package app.atelier.expert;

import java.net.URI;
import java.time.Duration;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.property.Attendee;
import net.fortuna.ical4j.model.property.Description;
import net.fortuna.ical4j.model.property.Organizer;
import net.fortuna.ical4j.model.property.Sequence;
import net.fortuna.ical4j.model.property.Uid;
import net.fortuna.ical4j.model.property.Url;
import net.fortuna.ical4j.model.property.immutable.ImmutableMethod;
import net.fortuna.ical4j.model.property.immutable.ImmutableStatus;

/**
 * An expert session as a calendar holds it, in UTC, made with ical4j: the event of its slot and planned length, the same
 * UID however often it is sent, so that a calendar updates the event it already has; a cancelled one is sent again
 * with a higher sequence and METHOD CANCEL, which removes it.
 */
public final class SessionInvitation {
    public static final String PRODUCT = "-//Atelier//Atelier//FR";

    private SessionInvitation() {
    }

    /** The session's event, for an invitation or a member's feed. */
    public static VEvent event(Session s, String link, boolean cancelled) {
        var event = new VEvent(s.slotAt(), Duration.ofMinutes(s.plannedMinutes()), s.topic());
        event.add(new Uid("session-" + s.id() + "@atelier"));
        event.add(new Sequence(cancelled ? 1 : 0));
        event.add(new Description(s.expertName() + " · " + s.organisationName() + "\n" + link));
        event.add(new Url(URI.create(link)));
        event.add(cancelled ? ImmutableStatus.VEVENT_CANCELLED : ImmutableStatus.VEVENT_CONFIRMED);
        return event;
    }

    /** The invitation both sides get: METHOD REQUEST when booked, CANCEL when cancelled, organised by the one who booked. */
    static String of(Session s, String link, String bookerEmail, String expertEmail, boolean cancelled) {
        var event = event(s, link, cancelled);
        event.add(new Organizer(URI.create("mailto:" + bookerEmail)));
        event.add(new Attendee(URI.create("mailto:" + expertEmail)));
        return new Calendar().withProdId(PRODUCT).withDefaults().withProperty(cancelled ? ImmutableMethod.CANCEL : ImmutableMethod.REQUEST).withComponent(event)
                .getFluentTarget().toString();
    }
}
