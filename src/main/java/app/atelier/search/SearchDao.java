package app.atelier.search;

import app.atelier.challenge.ChallengeShare;
import app.atelier.contribution.ContributionShare;
import app.atelier.db.FullText;
import app.atelier.db.Searched;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.mapper.reflect.ConstructorMapper;

/**
 * The search queries: one ranked list over the indexes the features declare ({@link ChallengeShare#SEARCHED},
 * {@link ContributionShare}'s), each joined to the rows it points to and narrowed to what the searcher may see, by
 * the rule its feature declares. Hidden items are left out for everyone, staff included.
 * <p>
 * The list is ranked first, by ids alone, over the newest matches; the page's results are then read from their
 * tables and their matched words marked here, since the index is slow to come back to rows of a common word.
 */
final class SearchDao {
    /**
     * How many of the newest matches of each index are ranked. A word found in most of a million contributions
     * would otherwise have each of them scored for every search; beyond this, the newest are the ones ranked.
     */
    static final int RANKED = 2_000;

    private static final String NARROWED = " AND (:organisation IS NULL OR c.organisation_id = :organisation) AND (:stage IS NULL OR c.stage = :stage)";

    /** One index: what it finds, and what its feature declares of it (its table is named as in Dialect). */
    private record Part(SearchQuery.Found found, String table, String row, String joins, String seen, String shown) {
        Part(SearchQuery.Found found, Searched searched) {
            this(found, searched.table(), searched.row(), searched.joins(), searched.seen(), searched.shown());
        }

        /** @param common whether a word of the search is in more items than are ranked: the newest of them come first, unscored */
        String ranked(boolean common) {
            String rank = common ? "0" : "<" + table + "Rank>";
            return "SELECT '" + found + "' AS found, " + row + ".id AS id, " + rank + " AS rank, " + row + ".created_at AS created_at FROM <"
                    + table + "Found> " + joins + " WHERE <" + table + "Matches> AND <" + table + "Key> >= :" + floor() + " AND " + seen + NARROWED;
        }

        String floor() {
            return table + "Floor";
        }

        /** The smallest id among the newest {@value #RANKED} matches, found by walking the index newest first. */
        String newest() {
            return "SELECT min(id) FROM (SELECT <" + table + "Key> AS id FROM <" + table + "Index> WHERE <" + table + "Matches> ORDER BY <"
                    + table + "Key> DESC LIMIT :ranked) newest";
        }

        /** Whether one word (as itself or its plurals) is in more than {@value #RANKED} items, counted no further. */
        String inMoreThanRanked() {
            return "SELECT count(*) > :ranked FROM (SELECT <" + table + "Key> AS id FROM <" + table + "Index> WHERE <" + table + "Matches> LIMIT :ranked + 1) found";
        }

        /** The results' rows by id, read from the tables alone: the index is slow to come back to rows it ranked. */
        String display() {
            return "SELECT '" + found + "' AS found, " + row + ".id AS id, " + shown + ", " + row + ".created_at AS created_at FROM " + table + " " + row
                    + " " + joins + " WHERE " + row + ".id IN (<ids>)";
        }
    }

    private static final List<Part> PARTS = List.of(new Part(SearchQuery.Found.CHALLENGE, ChallengeShare.SEARCHED),
            new Part(SearchQuery.Found.CONTRIBUTION, ContributionShare.CONTRIBUTIONS_SEARCHED), new Part(SearchQuery.Found.COMMENT, ContributionShare.COMMENTS_SEARCHED));

    private SearchDao() {
    }

    /** One place in the ranked list. */
    record Ranked(SearchQuery.Found found, long id) {
    }

    /** Words this short match as themselves: as prefixes they would start too many words. */
    static final int SHORTEST_PREFIX = 4;

    /**
     * Whether one of the words is found in more items of this index than are ranked. Relevance weighs each word by
     * how rare it is, which SQLite's index learns by visiting every item that holds it: for a product's own name,
     * most of a million. Such a search lists the newest matches instead; a search of rare words stays ranked.
     */
    private static boolean common(Handle h, Part part, FullText.Match match) {
        for (String word : match.words()) {
            if (h.createQuery(part.inMoreThanRanked()).bind("match", match.only(word)).bind("ranked", RANKED).mapTo(Boolean.class).one()) return true;
        }
        return false;
    }

    /**
     * The words as the search matches them: each as the start of any word, unless one is short or common. Then each
     * matches only itself and its plurals, since the index would gather every word a common or short one starts
     * before it could give the newest of them.
     */
    private static FullText.Match matched(Handle h, SearchQuery query, FullText.Match match, Map<Part, Boolean> common) {
        for (var part : PARTS) {
            if (query.wants(part.found())) common.put(part, common(h, part, match));
        }
        boolean exactly = common.containsValue(true) || match.words().stream().anyMatch(w -> w.length() < SHORTEST_PREFIX);
        return exactly ? match.exactly() : match;
    }

    /** Up to {@code limit} results from {@code offset}, the best first. */
    static List<Result> search(Handle h, SearchQuery query, long viewer, int offset, int limit) {
        var common = new HashMap<Part, Boolean>();
        var match = matched(h, query, query.match(), common);
        var ranked = new ArrayList<String>();
        var floors = new HashMap<String, Object>();
        for (var part : PARTS) {
            Long floor = query.wants(part.found()) ? h.createQuery(part.newest()).bind("match", match).bind("ranked", RANKED).mapTo(Long.class).one() : null;
            if (floor == null) continue;
            floors.put(part.floor(), floor);
            ranked.add(part.ranked(common.get(part)));
        }
        if (ranked.isEmpty()) return List.of();
        var places = h.createQuery(String.join("\nUNION ALL\n", ranked) + "\nORDER BY rank, created_at DESC LIMIT :limit OFFSET :offset")
                .bindMap(floors).bind("match", match).bind("viewer", viewer)
                .bind("organisation", query.organisationId()).bind("stage", query.stage() == null ? null : query.stage().name())
                .bind("kind", query.kind() == null ? null : query.kind().name()).bind("status", query.status() == null ? null : query.status().name())
                .bind("limit", limit).bind("offset", offset)
                .registerRowMapper(ConstructorMapper.factory(Ranked.class)).mapTo(Ranked.class).list();
        var stems = FullText.stems(query.text());
        var shown = new HashMap<Ranked, Result>();
        for (var part : PARTS) {
            var ids = places.stream().filter(p -> p.found() == part.found()).map(Ranked::id).toList();
            if (ids.isEmpty()) continue;
            h.createQuery(part.display()).bindList("ids", ids).registerRowMapper(ConstructorMapper.factory(Result.class)).mapTo(Result.class)
                    .forEach(r -> shown.put(new Ranked(r.found(), r.id()), r.marked(stems, part.found() != SearchQuery.Found.COMMENT)));
        }
        return places.stream().map(shown::get).filter(Objects::nonNull).toList();
    }
}
