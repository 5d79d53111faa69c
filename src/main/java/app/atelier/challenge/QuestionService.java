package app.atelier.challenge;

import app.atelier.db.Database;
import app.atelier.web.HttpProblem;
import app.atelier.web.Viewer;
import java.util.List;
import java.util.Set;
import org.jdbi.v3.core.Handle;

/**
 * What a challenge asks its contributors: the questionnaire a test report fills in and the hypotheses a validation
 * answers. The managers write them before answers come in; once the first answer of a kind exists, its questions
 * are frozen, so that every answer answers the same questions.
 */
public final class QuestionService {
    static final int MAX_QUESTIONS = 30;

    private final Database db;

    public QuestionService(Database db) {
        this.db = db;
    }

    /** A challenge's questions as its managers edit them. */
    public record Questionnaire(Challenge challenge, List<Question> questions, List<Hypothesis> hypotheses,
                                boolean questionsFrozen, boolean hypothesesFrozen) {
    }

    /**
     * What a challenge asks its contributors, for whoever may see it: the questions and hypotheses, and the
     * arrangements an application proposal may ask for, those its technology sheet offers.
     */
    public record Asked(List<Question> questions, List<Hypothesis> hypotheses, Set<Arrangement> arrangements) {
        public static Asked of(Handle h, long challengeId) {
            var dao = h.attach(QuestionDao.class);
            var offered = h.attach(TechnologyDao.class).find(challengeId).map(row -> row.technology().arrangements()).orElse(Set.of());
            return new Asked(dao.questions(challengeId), dao.hypotheses(challengeId), offered);
        }
    }

    public Questionnaire questionnaire(Viewer viewer, long challengeId) {
        return db.read(h -> questionnaire(h, viewer, challengeId));
    }

    public void addQuestion(Viewer viewer, long challengeId, QuestionForm form) {
        db.execute(h -> {
            var q = questionnaire(h, viewer, challengeId);
            requireChangeable(q.questionsFrozen(), q.questions().size() >= MAX_QUESTIONS);
            var dao = h.attach(QuestionDao.class);
            dao.addQuestion(challengeId, form.parseQuestion());
            dao.countQuestions(challengeId, 1);
        });
    }

    public void addHypothesis(Viewer viewer, long challengeId, QuestionForm form) {
        db.execute(h -> {
            var q = questionnaire(h, viewer, challengeId);
            requireChangeable(q.hypothesesFrozen(), q.hypotheses().size() >= MAX_QUESTIONS);
            var dao = h.attach(QuestionDao.class);
            dao.addHypothesis(challengeId, form.parseHypothesis());
            dao.countHypotheses(challengeId, 1);
        });
    }

    public void removeQuestion(Viewer viewer, long challengeId, long questionId) {
        db.execute(h -> {
            var q = questionnaire(h, viewer, challengeId);
            requireChangeable(q.questionsFrozen(), false);
            requireWritableAfter(q, ContributionKind.TEST_REPORT, q.questions().size());
            var dao = h.attach(QuestionDao.class);
            if (dao.removeQuestion(challengeId, questionId) == 0) throw new HttpProblem.NotFound();
            dao.countQuestions(challengeId, -1);
        });
    }

    public void removeHypothesis(Viewer viewer, long challengeId, long hypothesisId) {
        db.execute(h -> {
            var q = questionnaire(h, viewer, challengeId);
            requireChangeable(q.hypothesesFrozen(), false);
            requireWritableAfter(q, ContributionKind.VALIDATION, q.hypotheses().size());
            var dao = h.attach(QuestionDao.class);
            if (dao.removeHypothesis(challengeId, hypothesisId) == 0) throw new HttpProblem.NotFound();
            dao.countHypotheses(challengeId, -1);
        });
    }

    private static Questionnaire questionnaire(Handle h, Viewer viewer, long challengeId) {
        var access = ChallengeService.access(h, viewer, challengeId);
        if (!access.manages()) throw new HttpProblem.Forbidden();
        var challenge = access.challenge();
        var dao = h.attach(QuestionDao.class);
        var asked = Asked.of(h, challengeId);
        boolean closed = !challenge.state().editable();
        return new Questionnaire(challenge, asked.questions(), asked.hypotheses(),
                closed || dao.answered(challengeId, ContributionKind.TEST_REPORT), closed || dao.answered(challengeId, ContributionKind.VALIDATION));
    }

    private static void requireChangeable(boolean frozen, boolean full) {
        if (frozen) throw new HttpProblem.Conflict("error.questionsFrozen");
        if (full) throw new HttpProblem.Conflict("error.questionsFull", MAX_QUESTIONS);
    }

    /** An open challenge keeps at least one question for each kind it takes, so that the kind can still be written. */
    private static void requireWritableAfter(Questionnaire q, ContributionKind kind, int count) {
        var challenge = q.challenge();
        if (challenge.state() == ChallengeState.OPEN && challenge.acceptedKinds().contains(kind) && count <= 1) {
            throw new HttpProblem.Conflict("error.lastQuestion");
        }
    }
}
