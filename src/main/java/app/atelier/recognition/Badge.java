package app.atelier.recognition;

import java.util.Locale;
import java.util.Map;

/** A badge and its written rule: at least {@code count} events of one kind. */
public enum Badge {
    FIRST_IDEA("SUBMITTED", 1), TEN_IDEAS("SUBMITTED", 10), FIRST_ACCEPTED("ACCEPTED", 1), IMPLEMENTED("IMPLEMENTED", 1),
    HUNDRED_VOTES("VOTE", 100), CONTEST_WINNER("WINNER", 1);

    private final String kind;
    private final long count;

    Badge(String kind, long count) {
        this.kind = kind;
        this.count = count;
    }

    boolean earned(Map<String, Long> counts) {
        return counts.getOrDefault(kind, 0L) >= count;
    }

    public String key() {
        return "badge." + name().toLowerCase(Locale.ROOT);
    }

    /** The rule, said in words on the page. */
    public String ruleKey() {
        return key() + ".rule";
    }
}
