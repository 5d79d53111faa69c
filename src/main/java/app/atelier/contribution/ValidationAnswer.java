package app.atelier.contribution;

/** A validation's answer to one hypothesis: agreed or not, and why. */
public record ValidationAnswer(long hypothesisId, String hypothesis, boolean agrees, String reason) {
}
