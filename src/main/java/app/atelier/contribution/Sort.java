package app.atelier.contribution;

import java.util.Arrays;
import java.util.Locale;

/** The orders a challenge's contributions can be listed in; each has its own index. */
public enum Sort {
    TOP("k.vote_count DESC, k.id DESC"),
    NEWEST("k.id DESC"),
    TRENDING("k.trending DESC, k.id DESC"),
    /** A shuffle of its own for each member, the same at every visit: fair to late contributions while voting. */
    RANDOM(null);

    private static final long PRIME = 1_000_003;
    private final String orderBy;

    Sort(String orderBy) {
        this.orderBy = orderBy;
    }

    /**
     * The ORDER BY clause, never built from what a person typed. For RANDOM, {@code (id * a + b) mod p} with p prime
     * and a not a multiple of p puts the ids in an order that depends only on the seed.
     */
    String orderBy(long seed) {
        if (orderBy != null) return orderBy;
        long a = 1 + Math.floorMod(seed * 7_919, PRIME - 1);
        long b = Math.floorMod(seed * 104_729, PRIME);
        return "(k.id * " + a + " + " + b + ") % " + PRIME + ", k.id";
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
