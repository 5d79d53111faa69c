package app.atelier.db;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import app.atelier.demo.Generator;
import app.atelier.support.SqliteOnly;
import app.atelier.support.TestDatabase;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The hot queries, read from their DAOs, each walk an index in the order they need: no full scan of a table that
 * grows with the community, no sorting of rows in a temporary B-tree. Planned on a generated community, analysed
 * as the app analyses it.
 */
@SqliteOnly
class QueryPlanTest {
    private static final Map<String, List<String>> ONLY = Map.of("only", List.of("", "AND k.status = :status", "AND k.author_id = :authorId"));
    private static final List<String> ORDERS = List.of(
            "after=(k.vote_count, k.id) < (:key, :id);order=k.vote_count DESC, k.id DESC",
            "after=k.id < :id;order=k.id DESC",
            "after=(k.trending, k.id) < (:key, :id);order=k.trending DESC, k.id DESC",
            "after=k.shuffle_key BETWEEN :low AND :high AND (k.shuffle_key, k.id) > (:key, :id);order=k.shuffle_key, k.id");

    /** The recursive queries' own queues of rows to visit, which hold one thread's comments at most. */
    private static final Set<String> WORK_QUEUES = Set.of("shown", "up", "CONSTANT");

    @TempDir
    Path dir;

    @Test
    void hotQueriesWalkAnIndexInOrder() throws Exception {
        new Generator(Generator.Shape.of(0.01)).fill(dir.resolve("atelier.db"));
        try (var db = Database.open(TestDatabase.url(dir))) {
            for (String only : ONLY.get("only")) {
                for (String order : ORDERS) {
                    String[] parts = order.split(";", -1);
                    String sql = query("app.atelier.contribution.ContributionDao", "page").replace("<only>", only)
                            .replace("<after>", parts[0].substring("after=".length())).replace("<order>", parts[1].substring("order=".length()));
                    // A confidential challenge's own contributions are few per author: sorting them is allowed.
                    check(db, "contributions " + only + " " + parts[1], sql, !only.contains("author_id"));
                }
            }
            check(db, "thread starts", query("app.atelier.contribution.CommentDao", "threadStarts"), true);
            check(db, "threads", query("app.atelier.contribution.CommentDao", "threads"), true);
            check(db, "thread of a comment", query("app.atelier.contribution.CommentDao", "threadStart"), true);
            check(db, "open challenges", query("app.atelier.challenge.ChallengeDao", "open"), true);
            check(db, "an organisation's challenges", query("app.atelier.challenge.ChallengeDao", "ofOrganisation"), true);
            check(db, "votes among a page", query("app.atelier.contribution.VoteDao", "votedAmong").replace("<ids>", "1, 2, 3"), true);
            for (String leaders : List.of("0", ":organisationId")) {
                check(db, "leaders of " + leaders, query("app.atelier.recognition.RecognitionDao", "leaders").replace(":organisationId", leaders), true);
            }
            check(db, "experts directory", query("app.atelier.expert.ExpertDao", "open"), true);
            check(db, "moderation queue", query("app.atelier.moderation.FlagDao", "queue"), false);
            check(db, "levels of a list", query("app.atelier.recognition.RecognitionDao", "pointsAmong").replace("<ids>", "1, 2, 3"), true);
            // What one write settles: the view narrowed to a contribution, or to one vote on it.
            check(db, "due for a contribution", "SELECT * FROM recognition_due WHERE contribution_id = :contribution", false);
            check(db, "due for a vote", "SELECT * FROM recognition_due WHERE contribution_id = :contribution AND kind = 'VOTE' AND source_id = :source", false);
            // Gathered on a read connection after the move: a temporary B-tree removes duplicates, but nothing is scanned whole.
            check(db, "participants", query("app.atelier.challenge.ChallengeDao", "participants"), false);
        }
    }

    private static void check(Database db, String name, String sql, boolean noSorting) {
        // Straight to the driver: SQLite plans a statement with its :parameters unbound.
        List<String> plan = db.read(h -> {
            var steps = new ArrayList<String>();
            try (var statement = h.getConnection().createStatement(); var rows = statement.executeQuery("EXPLAIN QUERY PLAN " + sql)) {
                while (rows.next()) steps.add(rows.getString("detail"));
            } catch (SQLException e) {
                throw new AssertionError(name + ": " + e.getMessage(), e);
            }
            return steps;
        });
        for (String step : plan) {
            String scanned = step.startsWith("SCAN ") ? step.substring(5).split(" ", -1)[0] : "";
            // A co-routine's scan reads only the rows it made: a view narrowed by the query's own terms.
            boolean fullScan = !scanned.isEmpty() && !step.contains("USING") && !WORK_QUEUES.contains(scanned) && !plan.contains("CO-ROUTINE " + scanned);
            boolean sorting = step.contains("TEMP B-TREE");
            if (fullScan || (noSorting && sorting)) fail(name + " plans " + step + "\n" + String.join("\n", plan) + "\n" + sql);
        }
        assertTrue(plan.stream().anyMatch(step -> step.contains("INDEX") || step.contains("PRIMARY KEY")), name + " uses no index: " + plan);
    }

    private static String query(String dao, String method) throws ClassNotFoundException {
        for (var m : Class.forName(dao).getDeclaredMethods()) {
            if (m.getName().equals(method)) return m.getAnnotation(SqlQuery.class).value();
        }
        throw new AssertionError(dao + " has no " + method);
    }
}
