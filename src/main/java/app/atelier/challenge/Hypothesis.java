package app.atelier.challenge;

/** A statement the company wants validated: contributors agree or disagree with it, and say why. */
public record Hypothesis(long id, long challengeId, String text) {
}
