package app.atelier.challenge;

import java.util.List;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

@RegisterConstructorMapper(Question.class)
@RegisterConstructorMapper(Hypothesis.class)
public interface QuestionDao {
    @SqlQuery("SELECT id, challenge_id, scored, text, low_label, high_label FROM challenge_question WHERE challenge_id = :challengeId ORDER BY id")
    List<Question> questions(long challengeId);

    @SqlQuery("SELECT id, challenge_id, text FROM challenge_hypothesis WHERE challenge_id = :challengeId ORDER BY id")
    List<Hypothesis> hypotheses(long challengeId);

    @SqlUpdate("""
            INSERT INTO challenge_question (challenge_id, scored, text, low_label, high_label)
            VALUES (:challengeId, :q.scored, :q.text, :q.lowLabel, :q.highLabel)""")
    void addQuestion(long challengeId, @BindMethods("q") QuestionForm.Parsed question);

    @SqlUpdate("INSERT INTO challenge_hypothesis (challenge_id, text) VALUES (:challengeId, :text)")
    void addHypothesis(long challengeId, String text);

    @SqlUpdate("DELETE FROM challenge_question WHERE id = :id AND challenge_id = :challengeId")
    int removeQuestion(long challengeId, long id);

    @SqlUpdate("DELETE FROM challenge_hypothesis WHERE id = :id AND challenge_id = :challengeId")
    int removeHypothesis(long challengeId, long id);

    @SqlUpdate("UPDATE challenge SET question_count = question_count + :by WHERE id = :challengeId")
    void countQuestions(long challengeId, int by);

    @SqlUpdate("UPDATE challenge SET hypothesis_count = hypothesis_count + :by WHERE id = :challengeId")
    void countHypotheses(long challengeId, int by);

    /** Whether anyone answered the challenge with a contribution of this kind; its questions are then frozen. */
    @SqlQuery("SELECT EXISTS (SELECT 1 FROM contribution WHERE challenge_id = :challengeId AND kind = :kind)")
    boolean answered(long challengeId, ContributionKind kind);
}
