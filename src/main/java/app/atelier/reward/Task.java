package app.atelier.reward;

import java.time.Instant;

/** A piece of work at a fixed price, posted on a challenge for its contributors to apply for. */
public record Task(long id, long challengeId, String challengeTitle, String title, String brief, long price, String currency, String state,
                   Instant createdAt) {
    public boolean open() {
        return "OPEN".equals(state);
    }
}
