package app.atelier.account;

import java.time.Instant;

/** A session row with what a request needs of its member (all null for a visitor's session). */
public record WebSession(String id, String csrfToken, Instant expiresAt, Long memberId, String memberName,
                         String memberEmail, String memberLocale, long unread) {
}
