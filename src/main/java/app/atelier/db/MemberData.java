package app.atelier.db;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One feature's share of what Atelier holds about a member, declared beside its tables: every column of them that
 * names a member and what becomes of it, the parts of the member's download, and what is scrubbed from the rows that
 * stay when the member leaves. The account's export and erasure run every feature's share, and a test finds each
 * member column of the schema in one of them.
 *
 * @param columns each column, as {@code table.column}, that names a member, and its treatment
 * @param exports each part of the download by name: a query of the member's rows, whose one parameter is {@code :id}
 * @param scrubs updates run when the member leaves, on rows kept for others' sake; parameters {@code :id} and
 *     {@code :erased}, the address that replaces theirs
 */
public record MemberData(Map<String, Treatment> columns, Map<String, String> exports, List<String> scrubs) {
    /** What becomes of a column that names a member when the member asks for their data, and when they leave. */
    public enum Treatment {
        /** In the export, and its rows erased when they leave. */
        EXPORTED_AND_ERASED,
        /** In the export; kept when they leave, under the erased name, because others' records or the books rest on it. */
        EXPORTED_AND_KEPT,
        /** Not theirs to download (who did something to them, or for the organisation); erased or kept with the row. */
        NOT_THEIRS,
        /** Erased when they leave; nothing in it is theirs to read (a session, a sign-in link). */
        ERASED_ONLY,
        /** Recomputed from rows exported and kept (recognition's events, from their contributions, votes and prizes). */
        DERIVED;

        public boolean exported() {
            return this == EXPORTED_AND_ERASED || this == EXPORTED_AND_KEPT;
        }

        public boolean erased() {
            return this == EXPORTED_AND_ERASED || this == ERASED_ONLY;
        }
    }

    public MemberData {
        columns = Collections.unmodifiableMap(new LinkedHashMap<>(columns));
        exports = Collections.unmodifiableMap(new LinkedHashMap<>(exports));
        scrubs = List.copyOf(scrubs);
    }

    public static MemberData none() {
        return new MemberData(Map.of(), Map.of(), List.of());
    }

    public MemberData column(String column, Treatment treatment) {
        var more = new LinkedHashMap<>(columns);
        more.put(column, treatment);
        return new MemberData(more, exports, scrubs);
    }

    public MemberData export(String part, String query) {
        var more = new LinkedHashMap<>(exports);
        more.put(part, query);
        return new MemberData(columns, more, scrubs);
    }

    public MemberData scrub(String update) {
        var more = new ArrayList<>(scrubs);
        more.add(update);
        return new MemberData(columns, exports, more);
    }

    /** One delete for each column whose rows go when the member leaves. */
    public List<String> deletes() {
        return columns.entrySet().stream().filter(column -> column.getValue().erased()).map(column -> {
            String name = column.getKey();
            int dot = name.indexOf('.');
            return "DELETE FROM " + name.substring(0, dot) + " WHERE " + name.substring(dot + 1) + " = :id";
        }).toList();
    }
}
