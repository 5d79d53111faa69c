package app.atelier.contribution;

/** A test report's answer to one question: a score for a scored question, words for a free-text one. */
public record ReportAnswer(long questionId, String question, boolean scored, String lowLabel, String highLabel, Integer score,
                           String answer) {
}
