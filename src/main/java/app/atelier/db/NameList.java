package app.atelier.db;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;

/** A set of an enum's values as a column keeps it: their names, sorted and joined by commas. */
public final class NameList {
    private NameList() {
    }

    public static <E extends Enum<E>> String join(Set<E> values) {
        return values.stream().map(Enum::name).sorted().collect(Collectors.joining(","));
    }

    public static <E extends Enum<E>> Set<E> split(Class<E> type, String names) {
        return Arrays.stream(names.split(",")).filter(s -> !s.isBlank()).map(name -> Enum.valueOf(type, name))
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(type)));
    }
}
