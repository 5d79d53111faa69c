package app.atelier.challenge;

/** One question of a challenge's test-report questionnaire: scored from 1 to 5 between two labels, or free text. */
public record Question(long id, long challengeId, boolean scored, String text, String lowLabel, String highLabel) {
}
