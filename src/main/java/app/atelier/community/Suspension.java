package app.atelier.community;

import java.time.Instant;
import java.util.List;

/** A member kept out of a community for a while; {@code until} null lasts until a moderator lifts it. */
public record Suspension(long memberId, String name, String reason, Instant until) {
    /** The lengths a moderator chooses from, in days, besides "until lifted". */
    public static final List<Integer> DAYS = List.of(7, 30);
}
