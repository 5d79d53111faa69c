package app.atelier.web;

/** An amount of money put into a message written out in words ("one hundred million euros") in the reader's language. */
public record InWords(long minorUnits, String currency) {
}
