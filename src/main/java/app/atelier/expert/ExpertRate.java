package app.atelier.expert;

/** What an expert asks: a rate per minute in cents and a number of free first minutes; {@code open} while they take bookings. */
public record ExpertRate(long memberId, long perMinute, int freeMinutes, String currency, boolean open) {
}
