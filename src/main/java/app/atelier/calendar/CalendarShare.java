package app.atelier.calendar;

import static app.atelier.db.MemberData.Treatment.*;

import app.atelier.db.MemberData;

/** What this feature holds about a member: the hash of their calendar feed's address, nothing to read, erased when they leave. */
public final class CalendarShare {
    public static final MemberData MEMBER_DATA = MemberData.none().column("calendar_feed.member_id", ERASED_ONLY);

    private CalendarShare() {
    }
}
