package app.atelier.db;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What differs between the two databases Atelier runs on: where its migrations are, how full-text search is
 * written, and how a job takes rows no other instance is taking. Everything else is the same SQL on both.
 * <p>
 * Queries reach the differences through Jdbi's defines ({@link #defines}): {@code <skipLocked>} ends the select by
 * which a job takes its rows, and each searchable table has its FROM, its condition and its rank, such as
 * {@code <contributionFound>}, {@code <contributionMatches>} and {@code <contributionRank>} (and its index alone,
 * {@code <contributionIndex>}, keyed by {@code <contributionKey>}), over the alias that
 * table always has in queries ({@link #SEARCHED}). What is searched for is bound as a {@link FullText.Match}.
 */
public enum Dialect {
    /** One file, one writer at a time: the default, and the two-command start. */
    SQLITE("classpath:db/sqlite") {
        @Override
        String index(String table, String alias) {
            return table + "_search";
        }

        @Override
        String key(String table, String alias) {
            return table + "_search.rowid";
        }

        @Override
        String found(String table, String alias) {
            return index(table, alias) + " JOIN " + table + " " + alias + " ON " + alias + ".id = " + key(table, alias);
        }

        @Override
        String matches(String table, String alias) {
            return table + "_search MATCH :match";
        }

        @Override
        String rank(String table, String alias) {
            return "bm25(" + table + "_search" + (table.equals("comment") ? "" : ", 10.0, 1.0") + ")";
        }

        @Override
        String match(List<String> words, boolean all, boolean prefix) {
            return String.join(all ? " AND " : " OR ", words.stream()
                    .map(w -> prefix ? "\"" + w + "\"*" : "(" + String.join(" OR ", FullText.forms(w).stream().map(f -> "\"" + f + "\"").toList()) + ")")
                    .toList());
        }

        @Override
        String skipLocked() {
            return "";
        }
    },
    /** A server that several instances share: for a community beyond one machine. */
    POSTGRESQL("classpath:db/postgresql") {
        /** The index is a column of the table itself. */
        @Override
        String index(String table, String alias) {
            return table + " " + alias;
        }

        @Override
        String key(String table, String alias) {
            return alias + ".id";
        }

        @Override
        String found(String table, String alias) {
            return index(table, alias);
        }

        @Override
        String matches(String table, String alias) {
            return alias + ".search @@ to_tsquery('atelier', :match)";
        }

        /** Negated, so that the best comes first in ascending order as bm25's does; the title (A) weighs ten times the text (D). */
        @Override
        String rank(String table, String alias) {
            return "-ts_rank('{0.1, 0.1, 0.1, 1.0}', " + alias + ".search, to_tsquery('atelier', :match))";
        }

        @Override
        String match(List<String> words, boolean all, boolean prefix) {
            return String.join(all ? " & " : " | ", words.stream().map(w -> prefix ? w + ":*" : "(" + String.join(" | ", FullText.forms(w)) + ")").toList());
        }

        /** A row another instance's job has taken is passed over rather than waited for, and taken by no one else. */
        @Override
        String skipLocked() {
            return "FOR UPDATE SKIP LOCKED";
        }
    };

    /** The searchable tables, each with the alias queries give it. */
    static final Map<String, String> SEARCHED = Map.of("challenge", "c", "contribution", "k", "comment", "m");

    private final String migrations;

    Dialect(String migrations) {
        this.migrations = migrations;
    }

    public static Dialect of(String url) {
        if (url.startsWith("jdbc:sqlite:")) return SQLITE;
        if (url.startsWith("jdbc:postgresql:")) return POSTGRESQL;
        throw new IllegalArgumentException("Atelier runs on SQLite (jdbc:sqlite:FILE) or PostgreSQL (jdbc:postgresql://HOST/NAME), not " + url);
    }

    /** Where this database's migrations are, then those both databases share. */
    String[] migrations() {
        return new String[] {migrations, "classpath:db/common"};
    }

    /** The index alone, for walking its matches by {@link #key} without reading their rows. */
    abstract String index(String table, String alias);

    /** A match's id, as the index keeps it. */
    abstract String key(String table, String alias);

    /** The rows of a searchable table, aliased, joined to their index: the FROM of a search. */
    abstract String found(String table, String alias);

    /** The condition that a row of {@link #found} matches {@code :match}. */
    abstract String matches(String table, String alias);

    /** How well a row matches {@code :match}: the smaller, the better. */
    abstract String rank(String table, String alias);

    /** Words already folded and stemmed (see {@link FullText}), all of them or any, each as a prefix or as itself and its plurals. */
    abstract String match(List<String> words, boolean all, boolean prefix);

    abstract String skipLocked();

    /** The fragments queries name between angle brackets. */
    Map<String, String> defines() {
        var defines = new HashMap<String, String>();
        defines.put("skipLocked", skipLocked());
        SEARCHED.forEach((table, alias) -> {
            defines.put(table + "Index", index(table, alias));
            defines.put(table + "Key", key(table, alias));
            defines.put(table + "Found", found(table, alias));
            defines.put(table + "Matches", matches(table, alias));
            defines.put(table + "Rank", rank(table, alias));
        });
        return defines;
    }
}
