package app.atelier.db;

/**
 * What a feature indexes for search, declared beside its tables: a table with a full-text index, the rows a result
 * joins, who may see them and what a result shows. The search ranks every feature's matches in one list.
 *
 * @param table the indexed table, whose full-text index the dialect names after it
 * @param row its alias in every query
 * @param joins the rows joined to it: the challenge {@code c} and its organisation {@code o} at least
 * @param seen the rows the searcher {@code :viewer} may see; {@code :kind} and {@code :status} narrow contributions
 * @param shown a result's columns: challenge_id, contribution_id, challenge_title, organisation_name, kind, status,
 *     title, snippet
 */
public record Searched(String table, String row, String joins, String seen, String shown) {
}
