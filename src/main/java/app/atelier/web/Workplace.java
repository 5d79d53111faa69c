package app.atelier.web;

import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/** An organisation the signed-in member works for, linked from every page's header. */
public record Workplace(long id, String name) {
    /** Separators of the session query's list: characters no name holds. */
    public static final String BETWEEN = "\u001e";
    public static final String WITHIN = "\u001f";

    /** The list as the session query writes it: id and name within, organisations between, in no order. */
    public static List<Workplace> parse(String listed) {
        if (listed == null || listed.isEmpty()) return List.of();
        return Arrays.stream(listed.split(BETWEEN)).map(item -> item.split(WITHIN, 2))
                .map(parts -> new Workplace(Long.parseLong(parts[0]), parts[1])).sorted(Comparator.comparing(Workplace::name)).toList();
    }
}
