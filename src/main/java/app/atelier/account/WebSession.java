package app.atelier.account;

import java.time.Instant;

/** A member's session with what a request needs of them. Visitors have no session row. */
record WebSession(String id, String csrfToken, Instant expiresAt, long memberId, String memberName,
                         String memberEmail, String memberLocale, boolean memberVerified, long unread,
                  String workplaces) {
}
