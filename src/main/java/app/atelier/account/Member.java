package app.atelier.account;

import java.time.Instant;

public record Member(long id, String email, String name, String bio, String locale, Instant createdAt, Instant emailVerifiedAt) {

    public boolean verified() {
        return emailVerifiedAt != null;
    }
}
