package app.atelier.contribution;

import java.util.Arrays;
import java.util.Locale;

/** The orders a challenge's contributions can be listed in; each has its own index. */
public enum Sort {
    TOP("k.vote_count DESC, k.id DESC"),
    NEWEST("k.id DESC"),
    TRENDING("k.trending DESC, k.id DESC");

    final String orderBy;

    Sort(String orderBy) {
        this.orderBy = orderBy;
    }

    public String param() {
        return name().toLowerCase(Locale.ROOT);
    }

    public String key() {
        return "sort." + param();
    }

    public static Sort fromParam(String value) {
        return Arrays.stream(values()).filter(s -> s.param().equals(value)).findFirst().orElse(TOP);
    }
}
