package app.atelier.contribution;

import java.util.List;

/** What a contribution's kind adds to its text: the questionnaire's answers, the hypotheses' answers, the images. */
public record Details(List<ReportAnswer> report, List<ValidationAnswer> validation, List<DesignImage> images) {
    static final Details NONE = new Details(List.of(), List.of(), List.of());
}
