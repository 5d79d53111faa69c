package app.atelier.web;

import java.util.LinkedHashMap;
import java.util.Map;

/** What is wrong with a form, field by field, as messages shown beside each field. */
public final class Errors {
    private final Map<String, Message> byField = new LinkedHashMap<>();

    public static Errors none() {
        return new Errors();
    }

    /** A required text of at most {@code max} characters. */
    public Errors text(String field, String value, int max) {
        if (value.isBlank()) add(field, "error.required");
        else if (value.length() > max) add(field, "error.tooLong", max);
        return this;
    }

    /** A refusal of the whole form (a limit, a closed challenge, a suspension), said beside one of its fields. */
    public static Errors refusal(String field, HttpProblem problem) {
        return none().add(field, problem.message().key(), problem.message().args());
    }

    public Errors add(String field, String key, Object... args) {
        byField.putIfAbsent(field, new Message(key, args));
        return this;
    }

    public boolean any() {
        return !byField.isEmpty();
    }

    public boolean has(String field) {
        return byField.containsKey(field);
    }

    public Message get(String field) {
        return byField.get(field);
    }

    @Override
    public String toString() {
        return byField.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue().key()).toList().toString();
    }

    public Map<String, Message> all() {
        return Map.copyOf(byField);
    }
}
