package app.atelier.db;

/**
 * A number a feature counts for the dashboards, declared beside its tables: how many members did something there.
 * The dashboards show every feature's figures, the lower features first, as the steps of the participation funnel.
 *
 * @param key the message key of its label
 * @param query one number over the challenges {@code c} that {@code <scope>} names, with the parameter {@code :id}
 */
public record Figure(String key, String query) {
}
