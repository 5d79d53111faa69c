package app.atelier.account;

import java.time.Instant;

/** A member's session with what a request needs of them. Visitors have no session row. */
record WebSession(String id, String csrfToken, Instant expiresAt, long memberId, String memberName,
                  String memberEmail, String memberLocale, boolean memberVerified, long unread,
                  String workplaces) {
    /** The same session under the id its cookie carries, rather than the hash it is stored by. */
    WebSession withId(String id) {
        return new WebSession(id, csrfToken, expiresAt, memberId, memberName, memberEmail, memberLocale, memberVerified, unread, workplaces);
    }
}
