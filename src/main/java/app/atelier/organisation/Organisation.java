package app.atelier.organisation;

import java.time.Instant;

public record Organisation(long id, String name, String description, Instant createdAt) {
}
