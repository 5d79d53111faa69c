package app.atelier.organisation;

import java.time.Instant;

/** An organisation; {@code logo} is a picture's name, or null for none. */
public record Organisation(long id, String name, String description, Instant createdAt, String logo) {
}
