package app.atelier.recognition;

import java.util.Locale;

/** Levels by points, carried across every organisation. */
public enum Level {
    NEWCOMER(0), CONTRIBUTOR(50), REGULAR(200), EXPERT(500), CHAMPION(1_000);

    private final long from;

    Level(long from) {
        this.from = from;
    }

    public long from() {
        return from;
    }

    public static Level of(long points) {
        Level level = NEWCOMER;
        for (Level l : values()) if (points >= l.from) level = l;
        return level;
    }

    /** A contributor who earned this much is no newcomer to be slowed down, even on their first day. */
    public boolean liftsFirstDayLimits() {
        return compareTo(CONTRIBUTOR) >= 0;
    }

    /** How much a flag from this level counts towards hiding an item before a moderator looks. */
    public int flagWeight() {
        return compareTo(REGULAR) >= 0 ? 2 : 1;
    }

    public String key() {
        return "level." + name().toLowerCase(Locale.ROOT);
    }
}
