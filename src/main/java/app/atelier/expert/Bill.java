package app.atelier.expert;

/**
 * What a session costs: the minutes used, the free ones first, then each further minute at the rate. Whatever of
 * the held amount the cost does not take goes back to the wallet.
 *
 * @param minutesUsed the minutes the session ran, each begun minute counted, never more than planned
 * @param billedMinutes the minutes beyond the free ones
 * @param cost what the organisation pays
 * @param released what goes back from the hold
 */
public record Bill(long minutesUsed, long billedMinutes, long cost, long released) {

    /** The most a session of that length can cost, held at booking. */
    public static long held(long plannedMinutes, long freeMinutes, long perMinute) {
        return Math.multiplyExact(Math.max(0, plannedMinutes - freeMinutes), perMinute);
    }

    /**
     * The bill for {@code minutesUsed} of a session booked for {@code plannedMinutes}: the minutes are capped at the
     * planned length, so the cost never passes what was held.
     */
    public static Bill of(long minutesUsed, long plannedMinutes, long freeMinutes, long perMinute) {
        long used = Math.min(Math.max(minutesUsed, 0), plannedMinutes);
        long billed = Math.max(0, used - freeMinutes);
        long cost = Math.multiplyExact(billed, perMinute);
        return new Bill(used, billed, cost, held(plannedMinutes, freeMinutes, perMinute) - cost);
    }

    /** The minutes a session ran, each begun minute counted. */
    public static long minutes(long elapsedMillis) {
        return Math.max(0, (elapsedMillis + 59_999) / 60_000);
    }
}
