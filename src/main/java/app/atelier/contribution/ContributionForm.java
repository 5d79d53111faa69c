package app.atelier.contribution;

import app.atelier.challenge.Challenge;
import app.atelier.challenge.ContributionKind;
import app.atelier.challenge.QuestionService;
import app.atelier.web.Errors;
import app.atelier.web.Forms;
import app.atelier.web.Invalid;
import io.javalin.http.Context;
import io.javalin.http.UploadedFile;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * A contribution of any kind as typed: its title and text, and what its kind adds: a rating, the answers to the
 * questionnaire or the hypotheses (fields named {@code score-7}, {@code answer-7}, {@code agrees-3}, {@code reason-3}),
 * an application's proposal ({@code proposer}, {@code market}, {@code arrangement}, {@code request}), the design's
 * new images and those taken away. {@code anyway} says the contributor saw the similar contributions.
 */
public record ContributionForm(String kind, String title, String body, boolean acceptsTerms, String rating,
                               Map<String, String> answers, List<Upload> images, List<Long> removedImages, boolean anyway) {
    static final int TITLE_MAX = 140;
    static final int BODY_MAX = 20_000;
    static final int ANSWER_MAX = 2_000;
    static final int MAX_IMAGES = 5;
    static final String AGREE = "agree";
    static final String DISAGREE = "disagree";
    static final int PROPOSER_MAX = 140;
    private static final Pattern ANSWER = Pattern.compile("(score|answer|agrees|reason)-\\d{1,18}|proposer|market|arrangement|request");

    /** An uploaded file, opened when it is checked. */
    public interface Upload {
        InputStream open() throws IOException;
    }

    /** A form of the kind asked for, or of the challenge's first writable kind. */
    public static ContributionForm empty(Challenge challenge, String askedKind) {
        var kinds = challenge.writableKinds();
        String kind = kinds.stream().map(Enum::name).filter(k -> k.equals(askedKind)).findFirst()
                .orElse(kinds.isEmpty() ? "" : kinds.iterator().next().name());
        return new ContributionForm(kind, "", "", false, "", Map.of(), List.of(), List.of(), false);
    }

    /** A contribution written without a browser, its terms accepted: what the demo data writes. */
    public static ContributionForm written(String kind, String title, String body, Map<String, String> answers) {
        return new ContributionForm(kind, title, body, true, "", answers, List.of(), List.of(), true);
    }

    /** A design written without a browser, with its images. */
    public static ContributionForm designed(String title, String body, List<Upload> images) {
        return new ContributionForm(ContributionKind.DESIGN.name(), title, body, true, "", Map.of(), images, List.of(), true);
    }

    public static ContributionForm from(Context ctx) {
        var answers = new TreeMap<String, String>();
        ctx.formParamMap().forEach((name, values) -> {
            if (ANSWER.matcher(name).matches() && !values.isEmpty()) answers.put(name, values.get(0).strip());
        });
        var removed = ctx.formParams("removeImage").stream().map(Forms::optionalId).filter(id -> id != null).toList();
        return new ContributionForm(Forms.text(ctx, "kind"), Forms.text(ctx, "title"), Forms.multiline(ctx, "body"),
                ctx.formParam("acceptTerms") != null, Forms.text(ctx, "rating"), answers, uploads(ctx), removed,
                ctx.formParam("anyway") != null);
    }

    private static List<Upload> uploads(Context ctx) {
        if (!ctx.isMultipartFormData()) return List.of();
        return ctx.uploadedFiles("images").stream().filter(f -> f.size() > 0 || !f.filename().isEmpty())
                .map(ContributionForm::upload).toList();
    }

    private static Upload upload(UploadedFile file) {
        return file::content;
    }

    static ContributionForm of(Contribution c, Details details) {
        var answers = new TreeMap<String, String>();
        for (var a : details.report()) {
            if (a.score() != null) answers.put("score-" + a.questionId(), a.score().toString());
            answers.put("answer-" + a.questionId(), a.answer());
        }
        for (var a : details.validation()) {
            answers.put("agrees-" + a.hypothesisId(), a.agrees() ? AGREE : DISAGREE);
            answers.put("reason-" + a.hypothesisId(), a.reason());
        }
        var p = details.proposal();
        if (p != null) {
            answers.putAll(Map.of("proposer", p.proposer(), "market", p.market(), "arrangement", p.arrangement().name(), "request", p.request()));
        }
        return new ContributionForm(c.kind().name(), c.title(), c.body(), true, c.rating() == null ? "" : c.rating().toString(),
                answers, List.of(), List.of(), true);
    }

    /** A new idea or experience is checked against those already written, unless the contributor saw them. */
    public boolean mayRepeat() {
        return !anyway && (kind.equals(ContributionKind.IDEA.name()) || kind.equals(ContributionKind.EXPERIENCE.name())) && !title.isBlank();
    }

    public String answer(String field) {
        return answers.getOrDefault(field, "");
    }

    public boolean removes(long imageId) {
        return removedImages.contains(imageId);
    }

    /** What the form says once checked against the challenge and what it asks. */
    record Parsed(ContributionKind kind, String title, String body, Integer rating, List<ReportAnswer> report,
                  List<ValidationAnswer> validation, ApplicationProposal proposal) {
    }

    /**
     * Checks every field against the challenge: the kind must be one it takes and can be written; each kind has its
     * own required parts. {@code keptImages} is how many images the design keeps from before.
     */
    Parsed parse(Challenge challenge, QuestionService.Asked asked, int keptImages) {
        var errors = Errors.none().text("title", title, TITLE_MAX);
        ContributionKind parsed = challenge.writableKinds().stream().filter(k -> k.name().equals(kind)).findFirst().orElse(null);
        if (parsed == null) errors.add("kind", "error.choice");
        boolean bodyOptional = parsed == ContributionKind.TEST_REPORT || parsed == ContributionKind.VALIDATION;
        if (bodyOptional && body.length() > BODY_MAX) errors.add("body", "error.tooLong", BODY_MAX);
        else if (!bodyOptional) errors.text("body", body, BODY_MAX);
        Integer parsedRating = parsed == ContributionKind.EXPERIENCE ? score(rating, "rating", true, errors) : null;
        var report = new ArrayList<ReportAnswer>();
        var validation = new ArrayList<ValidationAnswer>();
        if (parsed == ContributionKind.TEST_REPORT) {
            for (var q : asked.questions()) {
                String answer = answer("answer-" + q.id());
                if (answer.length() > ANSWER_MAX) errors.add("answer-" + q.id(), "error.tooLong", ANSWER_MAX);
                Integer score = q.scored() ? score(answer("score-" + q.id()), "score-" + q.id(), false, errors) : null;
                report.add(new ReportAnswer(q.id(), q.text(), q.scored(), q.lowLabel(), q.highLabel(), score, q.scored() ? "" : answer));
            }
        }
        if (parsed == ContributionKind.VALIDATION) {
            for (var h : asked.hypotheses()) {
                String agrees = answer("agrees-" + h.id());
                if (!agrees.equals(AGREE) && !agrees.equals(DISAGREE)) errors.add("agrees-" + h.id(), "error.agreeOrNot");
                errors.text("reason-" + h.id(), answer("reason-" + h.id()), ANSWER_MAX);
                validation.add(new ValidationAnswer(h.id(), h.text(), agrees.equals(AGREE), answer("reason-" + h.id())));
            }
        }
        if (parsed == ContributionKind.DESIGN) {
            int count = keptImages + images.size();
            if (count == 0) errors.add("images", "error.imageRequired");
            else if (count > MAX_IMAGES) errors.add("images", "error.tooManyImages", MAX_IMAGES);
        }
        var proposal = parsed == ContributionKind.APPLICATION ? proposal(asked, errors) : null;
        Invalid.unless(errors);
        return new Parsed(parsed, title, body, parsedRating, report, validation, proposal);
    }

    /** Who proposes, for which market, and one of the arrangements the technology sheet offers. */
    private ApplicationProposal proposal(QuestionService.Asked asked, Errors errors) {
        errors.text("proposer", answer("proposer"), PROPOSER_MAX).text("market", answer("market"), ANSWER_MAX);
        if (answer("request").length() > ANSWER_MAX) errors.add("request", "error.tooLong", ANSWER_MAX);
        var arrangement = asked.arrangements().stream().filter(a -> a.name().equals(answer("arrangement"))).findFirst();
        if (arrangement.isEmpty()) errors.add("arrangement", "error.choice");
        return new ApplicationProposal(answer("proposer"), answer("market"), arrangement.orElse(null), answer("request"));
    }

    /** A score from 1 to 5; an optional one may be left blank. */
    private static Integer score(String value, String field, boolean optional, Errors errors) {
        if (value.isEmpty()) {
            if (!optional) errors.add(field, "error.score");
            return null;
        }
        if (!value.matches("[1-5]")) {
            errors.add(field, "error.score");
            return null;
        }
        return Integer.valueOf(value);
    }
}
