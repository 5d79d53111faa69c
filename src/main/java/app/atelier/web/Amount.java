package app.atelier.web;

/** An amount of money put into a message; each reader sees it written in their own language. */
public record Amount(long minorUnits, String currency) {
}
