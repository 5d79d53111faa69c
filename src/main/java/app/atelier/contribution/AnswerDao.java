package app.atelier.contribution;

import app.atelier.challenge.ContributionKind;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.result.ResultIterable;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.BindList;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.statement.SqlBatch;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** What each kind of contribution adds: answers to the questionnaire and the hypotheses, a design's images, an application's proposal. */
@RegisterConstructorMapper(ReportAnswer.class)
@RegisterConstructorMapper(ValidationAnswer.class)
@RegisterConstructorMapper(DesignImage.class)
@RegisterConstructorMapper(ApplicationProposal.class)
interface AnswerDao {
    @SqlQuery("SELECT id FROM contribution WHERE challenge_id = :challengeId AND author_id = :authorId AND kind = :kind")
    Optional<Long> ownOfKind(long challengeId, long authorId, ContributionKind kind);

    @SqlBatch("INSERT INTO report_answer (contribution_id, question_id, score, answer) VALUES (:contributionId, :a.questionId, :a.score, :a.answer)")
    void insertReport(long contributionId, @BindMethods("a") List<ReportAnswer> answers);

    @SqlBatch("""
            INSERT INTO validation_answer (contribution_id, hypothesis_id, agrees, reason)
            VALUES (:contributionId, :a.hypothesisId, :a.agrees, :a.reason)""")
    void insertValidation(long contributionId, @BindMethods("a") List<ValidationAnswer> answers);

    @SqlUpdate("DELETE FROM report_answer WHERE contribution_id = :contributionId")
    void deleteReport(long contributionId);

    @SqlUpdate("DELETE FROM validation_answer WHERE contribution_id = :contributionId")
    void deleteValidation(long contributionId);

    @SqlQuery("""
            SELECT q.id AS question_id, q.text AS question, q.scored, q.low_label, q.high_label, a.score, coalesce(a.answer, '') AS answer
            FROM challenge_question q JOIN contribution k ON k.challenge_id = q.challenge_id
            LEFT JOIN report_answer a ON a.question_id = q.id AND a.contribution_id = k.id
            WHERE k.id = :contributionId ORDER BY q.id""")
    List<ReportAnswer> report(long contributionId);

    @SqlQuery("""
            SELECT h.id AS hypothesis_id, h.text AS hypothesis, a.agrees, a.reason
            FROM validation_answer a JOIN challenge_hypothesis h ON h.id = a.hypothesis_id
            WHERE a.contribution_id = :contributionId ORDER BY h.id""")
    List<ValidationAnswer> validation(long contributionId);

    @SqlUpdate("""
            INSERT INTO design_image (contribution_id, file, media_type, size, width, height, created_at)
            VALUES (:contributionId, :file, :mediaType, :size, :width, :height, :now)""")
    void insertImage(long contributionId, String file, String mediaType, long size, int width, int height, Instant now);

    @SqlQuery("SELECT id, contribution_id, file, media_type, size, width, height FROM design_image WHERE contribution_id = :contributionId ORDER BY id")
    List<DesignImage> images(long contributionId);

    @SqlQuery("SELECT id, contribution_id, file, media_type, size, width, height FROM design_image WHERE id = :id")
    Optional<DesignImage> image(long id);

    /** The first image of each of these contributions, for the thumbnails of a list. */
    @SqlQuery("""
            SELECT id, contribution_id, file, media_type, size, width, height FROM design_image
            WHERE id IN (SELECT min(id) FROM design_image WHERE contribution_id IN (<ids>) GROUP BY contribution_id)""")
    List<DesignImage> firstImages(@BindList("ids") List<Long> contributionIds);

    @SqlUpdate("DELETE FROM design_image WHERE id IN (<ids>) AND contribution_id = :contributionId")
    void deleteImages(long contributionId, @BindList("ids") List<Long> ids);

    @SqlUpdate("""
            INSERT INTO application_proposal (contribution_id, proposer, market, arrangement, request)
            VALUES (:contributionId, :p.proposer, :p.market, :p.arrangement, :p.request)
            ON CONFLICT (contribution_id) DO UPDATE SET proposer = excluded.proposer, market = excluded.market,
                arrangement = excluded.arrangement, request = excluded.request""")
    void saveProposal(long contributionId, @BindMethods("p") ApplicationProposal proposal);

    @SqlQuery("SELECT proposer, market, arrangement, request FROM application_proposal WHERE contribution_id = :contributionId")
    Optional<ApplicationProposal> proposal(long contributionId);

    @SqlUpdate("UPDATE contribution SET helpful_by = :by WHERE id = :id")
    void markHelpful(long id, Long by);

    /** How many visible test reports gave each score to each question of a challenge. */
    record ScoreCount(long questionId, int score, long count) {
    }

    @SqlQuery("""
            SELECT a.question_id, a.score, count(*) AS count FROM report_answer a
            JOIN contribution k ON k.id = a.contribution_id
            WHERE k.challenge_id = :challengeId AND k.hidden = 0 AND a.score IS NOT NULL GROUP BY a.question_id, a.score""")
    @RegisterConstructorMapper(ScoreCount.class)
    List<ScoreCount> scores(long challengeId);

    /** The latest words written to a challenge's free-text questions, by visible reports. */
    record Written(long questionId, long contributionId, String text) {
    }

    @SqlQuery("""
            SELECT a.question_id, a.contribution_id, a.answer AS text FROM report_answer a
            JOIN contribution k ON k.id = a.contribution_id
            WHERE k.challenge_id = :challengeId AND k.hidden = 0 AND a.answer <> '' ORDER BY a.contribution_id DESC LIMIT :limit""")
    @RegisterConstructorMapper(Written.class)
    List<Written> writtenAnswers(long challengeId, int limit);

    /** Each visible validation's answer to each hypothesis of a challenge, the latest first. */
    record Stance(long hypothesisId, long contributionId, boolean agrees, String text) {
    }

    @SqlQuery("""
            SELECT a.hypothesis_id, a.contribution_id, a.agrees, a.reason AS text FROM validation_answer a
            JOIN contribution k ON k.id = a.contribution_id
            WHERE k.challenge_id = :challengeId AND k.hidden = 0 ORDER BY a.contribution_id DESC LIMIT :limit""")
    @RegisterConstructorMapper(Stance.class)
    List<Stance> stances(long challengeId, int limit);

    @SqlQuery("""
            SELECT a.hypothesis_id AS question_id, a.agrees AS score, count(*) AS count FROM validation_answer a JOIN contribution k ON k.id = a.contribution_id
            WHERE k.challenge_id = :challengeId AND k.hidden = 0 GROUP BY a.hypothesis_id, a.agrees""")
    @RegisterConstructorMapper(ScoreCount.class)
    List<ScoreCount> splits(long challengeId);

    /** A challenge's test reports with their answers, one row per answer, in report order. */
    record AnswerRow(long contributionId, String title, String authorName, Instant createdAt, boolean hidden, long questionId,
                     Integer score, String answer) {
    }

    @SqlQuery("""
            SELECT k.id AS contribution_id, k.title, m.name AS author_name, k.created_at, k.hidden, a.question_id, a.score, a.answer
            FROM contribution k JOIN member m ON m.id = k.author_id JOIN report_answer a ON a.contribution_id = k.id
            WHERE k.challenge_id = :challengeId AND k.kind = 'TEST_REPORT' ORDER BY k.id, a.question_id""")
    @RegisterConstructorMapper(AnswerRow.class)
    ResultIterable<AnswerRow> answerRows(long challengeId);
}
