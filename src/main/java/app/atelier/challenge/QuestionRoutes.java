package app.atelier.challenge;

import app.atelier.web.Current;
import app.atelier.web.Errors;
import app.atelier.web.Forms;
import app.atelier.web.Invalid;
import app.atelier.web.Page;
import app.atelier.web.Paths;
import app.atelier.web.Role;
import app.atelier.web.View;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;

/** The managers write a challenge's questionnaire and its hypotheses. */
public final class QuestionRoutes {

    /** The questionnaire with the forms that add to it; a refused form is shown again with what is wrong. */
    public record QuestionsPage(QuestionService.Questionnaire questionnaire, QuestionForm question, Errors questionErrors,
                                QuestionForm hypothesis, Errors hypothesisErrors) implements Page {
        @Override
        public String template() {
            return "challenge/questions.jte";
        }

        public Challenge challenge() {
            return questionnaire.challenge();
        }
    }

    private final QuestionService questions;

    public QuestionRoutes(QuestionService questions) {
        this.questions = questions;
    }

    public void register(RoutesConfig routes) {
        routes.get("/challenges/{id}/questions", ctx -> render(ctx, QuestionForm.empty(), Errors.none(), QuestionForm.empty(), Errors.none()), Role.MANAGER);
        routes.post("/challenges/{id}/questions", ctx -> {
            var form = QuestionForm.from(ctx);
            try {
                questions.addQuestion(Current.viewer(ctx), Forms.pathId(ctx, "id"), form);
                back(ctx, "#questions");
            } catch (Invalid e) {
                ctx.status(422);
                render(ctx, form, e.errors(), QuestionForm.empty(), Errors.none());
            }
        }, Role.MANAGER);
        routes.post("/challenges/{id}/hypotheses", ctx -> {
            var form = QuestionForm.from(ctx);
            try {
                questions.addHypothesis(Current.viewer(ctx), Forms.pathId(ctx, "id"), form);
                back(ctx, "#hypotheses");
            } catch (Invalid e) {
                ctx.status(422);
                render(ctx, QuestionForm.empty(), Errors.none(), form, e.errors());
            }
        }, Role.MANAGER);
        routes.post("/challenges/{id}/questions/{questionId}/remove", ctx -> {
            questions.removeQuestion(Current.viewer(ctx), Forms.pathId(ctx, "id"), Forms.pathId(ctx, "questionId"));
            back(ctx, "#questions");
        }, Role.MANAGER);
        routes.post("/challenges/{id}/hypotheses/{hypothesisId}/remove", ctx -> {
            questions.removeHypothesis(Current.viewer(ctx), Forms.pathId(ctx, "id"), Forms.pathId(ctx, "hypothesisId"));
            back(ctx, "#hypotheses");
        }, Role.MANAGER);
    }

    private static void back(Context ctx, String anchor) {
        ctx.redirect(Paths.challenge(Forms.pathId(ctx, "id")) + "/questions" + anchor);
    }

    private void render(Context ctx, QuestionForm question, Errors questionErrors, QuestionForm hypothesis, Errors hypothesisErrors) {
        View.render(ctx, new QuestionsPage(questions.questionnaire(Current.viewer(ctx), Forms.pathId(ctx, "id")), question, questionErrors,
                hypothesis, hypothesisErrors));
    }
}
