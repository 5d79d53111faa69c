package app.atelier.contribution;

import app.atelier.challenge.Hypothesis;
import app.atelier.challenge.Question;
import app.atelier.challenge.QuestionService;
import app.atelier.web.Chart;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.Predicate;
import org.jdbi.v3.core.Handle;

/** What a challenge's test reports and validations say together: scores per question, the split per hypothesis. */
public record Findings(List<QuestionResult> questions, List<HypothesisResult> hypotheses) {
    /** How many free-text answers and reasons the challenge page shows; the export holds them all. */
    static final int WORDS_SHOWN = 200;

    public static final Findings NONE = new Findings(List.of(), List.of());

    /** A question's answers: how many reports gave each score from 1 to 5, and the words written to it. */
    @SuppressWarnings("ArrayRecordComponent") // counted once for a page and read by index, never compared
    public record QuestionResult(Question question, long[] counts, List<String> answers) {
        public long count() {
            long n = 0;
            for (long c : counts) n += c;
            return n;
        }

        /** The mean score, or 0 when nobody scored. */
        public double mean() {
            long n = count();
            if (n == 0) return 0;
            long sum = 0;
            for (int score = 1; score <= 5; score++) sum += score * counts[score - 1];
            return (double) sum / n;
        }

        public Chart chart(String title) {
            var bars = new ArrayList<Chart.Bar>();
            for (int score = 1; score <= 5; score++) {
                String label = score == 1 ? "1 " + question.lowLabel() : score == 5 ? "5 " + question.highLabel() : Integer.toString(score);
                bars.add(new Chart.Bar(label, counts[score - 1]));
            }
            return new Chart(title, bars);
        }
    }

    /** A hypothesis with how many agreed and disagreed, and their reasons. */
    public record HypothesisResult(Hypothesis hypothesis, long agree, long disagree, List<String> agreeing, List<String> disagreeing) {
        public long agreePercent() {
            long n = agree + disagree;
            return n == 0 ? 0 : Math.round(100.0 * agree / n);
        }
    }

    public boolean any() {
        return !questions.isEmpty() || !hypotheses.isEmpty();
    }

    /** The findings of a challenge, counting only what is not hidden. */
    static Findings of(Handle h, long challengeId, QuestionService.Asked asked) {
        var dao = h.attach(AnswerDao.class);
        var scores = dao.scores(challengeId);
        var written = dao.writtenAnswers(challengeId, WORDS_SHOWN);
        var questions = asked.questions().stream().map(q -> {
            long[] counts = new long[5];
            scores.stream().filter(s -> s.questionId() == q.id()).forEach(s -> counts[s.score() - 1] = s.count());
            return new QuestionResult(q, counts, texts(written, w -> w.questionId() == q.id(), AnswerDao.Written::text));
        }).toList();
        var splits = dao.splits(challengeId);
        var stances = dao.stances(challengeId, WORDS_SHOWN);
        var hypotheses = asked.hypotheses().stream().map(hyp -> new HypothesisResult(hyp,
                count(splits, hyp.id(), 1), count(splits, hyp.id(), 0),
                texts(stances, s -> s.hypothesisId() == hyp.id() && s.agrees(), AnswerDao.Stance::text),
                texts(stances, s -> s.hypothesisId() == hyp.id() && !s.agrees(), AnswerDao.Stance::text))).toList();
        return new Findings(questions, hypotheses);
    }

    private static long count(List<AnswerDao.ScoreCount> splits, long hypothesisId, int agrees) {
        return splits.stream().filter(s -> s.questionId() == hypothesisId && s.score() == agrees).mapToLong(AnswerDao.ScoreCount::count).sum();
    }

    private static <T> List<String> texts(List<T> rows, Predicate<T> which, Function<T, String> text) {
        return rows.stream().filter(which).map(text).toList();
    }
}
