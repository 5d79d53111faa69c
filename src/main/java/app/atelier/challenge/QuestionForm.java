package app.atelier.challenge;

import app.atelier.web.Errors;
import app.atelier.web.Forms;
import app.atelier.web.Invalid;
import io.javalin.http.Context;

/** A question for the test-report questionnaire, or a hypothesis to validate (which has its text alone). */
public record QuestionForm(String text, String type, String lowLabel, String highLabel) {
    static final int TEXT_MAX = 300;
    static final int LABEL_MAX = 60;
    static final String SCORE = "score";
    static final String FREE_TEXT = "text";

    public static QuestionForm empty() {
        return new QuestionForm("", SCORE, "", "");
    }

    public static QuestionForm from(Context ctx) {
        return new QuestionForm(Forms.text(ctx, "text"), Forms.text(ctx, "type"), Forms.text(ctx, "lowLabel"), Forms.text(ctx, "highLabel"));
    }

    public boolean scored() {
        return SCORE.equals(type);
    }

    public record Parsed(boolean scored, String text, String lowLabel, String highLabel) {
    }

    Parsed parseQuestion() {
        var errors = Errors.none().text("text", text, TEXT_MAX);
        if (!SCORE.equals(type) && !FREE_TEXT.equals(type)) errors.add("type", "error.choice");
        if (scored()) errors.text("lowLabel", lowLabel, LABEL_MAX).text("highLabel", highLabel, LABEL_MAX);
        Invalid.unless(errors);
        return scored() ? new Parsed(true, text, lowLabel, highLabel) : new Parsed(false, text, "", "");
    }

    String parseHypothesis() {
        Invalid.unless(Errors.none().text("text", text, TEXT_MAX));
        return text;
    }
}
