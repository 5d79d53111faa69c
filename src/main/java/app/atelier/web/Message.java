package app.atelier.web;

/** A message to show a person, by bundle key and arguments, translated when rendered. */
public record Message(String key, Object... args) {
}
