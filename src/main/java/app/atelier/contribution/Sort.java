package app.atelier.contribution;

import app.atelier.web.Cursor;
import java.util.Arrays;
import java.util.Locale;

/**
 * The orders a challenge's contributions can be listed in. Each reads the page after the last row shown (a
 * {@link Cursor}) along an index, never by skipping rows, so a deep page costs what the first does.
 */
public enum Sort {
    TOP("k.vote_count DESC, k.id DESC", "(k.vote_count, k.id) < (:key, :id)"),
    NEWEST("k.id DESC", "k.id < :id"),
    TRENDING("k.trending DESC, k.id DESC", "(k.trending, k.id) < (:key, :id)"),
    /**
     * A shuffle of its own for each member, the same at every visit: fair to late contributions while voting.
     * Each contribution has a random place; a member's list starts at a place drawn from their seed, reads on
     * to the end and goes round to the start ({@link #SPAN} places in all).
     */
    RANDOM("k.shuffle_key, k.id", "k.shuffle_key BETWEEN :low AND :high AND (k.shuffle_key, k.id) > (:key, :id)");

    /** Random places run from 0 to SPAN - 1. */
    public static final long SPAN = 1L << 31;
    private final String orderBy;
    private final String after;

    Sort(String orderBy, String after) {
        this.orderBy = orderBy;
        this.after = after;
    }

    /** The ORDER BY clause, never built from what a person typed. */
    String orderBy() {
        return orderBy;
    }

    /** The condition for the rows after a cursor, with :key and :id (and :low, :high for the shuffle) bound. */
    String after() {
        return after;
    }

    /** Where a member's shuffle starts: the same for the same member and challenge, spread over all places. */
    static long start(long seed) {
        return Math.floorMod((seed * 0x9E3779B97F4A7C15L) >>> 17, SPAN);
    }

    /** Where the page after this row starts. */
    Cursor cursorAfter(ContributionSummary row) {
        return new Cursor(key(row), row.id());
    }

    /** The key a row is sorted by in this order. */
    private double key(ContributionSummary row) {
        return switch (this) {
            case TOP -> row.voteCount();
            case NEWEST -> row.id();
            case TRENDING -> row.trending();
            case RANDOM -> row.shuffleKey();
        };
    }

    public String param() {
        return name().toLowerCase(Locale.ROOT);
    }

    public String key() {
        return "sort." + param();
    }

    /** The order asked for, or null when none (or an unknown one) was. */
    public static Sort fromParam(String value) {
        return Arrays.stream(values()).filter(s -> s.param().equals(value)).findFirst().orElse(null);
    }
}
