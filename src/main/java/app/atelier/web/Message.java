package app.atelier.web;

/** A message to show a person, by bundle key and arguments, translated when rendered. */
@SuppressWarnings("ArrayRecordComponent") // MessageFormat's arguments, passed on and never compared
public record Message(String key, Object... args) {
}
