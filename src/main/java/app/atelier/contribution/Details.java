package app.atelier.contribution;

import java.util.List;

/**
 * What a contribution's kind adds to its text: the questionnaire's answers, the hypotheses' answers, the images, an
 * application's proposal (null for any other kind).
 */
public record Details(List<ReportAnswer> report, List<ValidationAnswer> validation, List<DesignImage> images, ApplicationProposal proposal) {
    static final Details NONE = new Details(List.of(), List.of(), List.of(), null);
}
