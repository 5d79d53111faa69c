package app.atelier.contribution;

import app.atelier.web.Errors;
import app.atelier.web.Forms;
import app.atelier.web.Invalid;
import io.javalin.http.Context;

/** A status change and the written response that must come with it; a duplicate names its original. */
public record ResponseForm(String status, String body, String duplicateOf) {
    static final int BODY_MAX = 5_000;

    public static ResponseForm empty() {
        return new ResponseForm("", "", "");
    }

    public static ResponseForm from(Context ctx) {
        return new ResponseForm(Forms.text(ctx, "status"), Forms.multiline(ctx, "body"), Forms.text(ctx, "duplicateOf"));
    }

    record Parsed(ContributionStatus status, String body, Long duplicateOf) {
    }

    Parsed parse() {
        var errors = Errors.none().text("body", body, BODY_MAX);
        var parsed = ContributionStatus.fromParam(status);
        if (parsed == null) errors.add("status", "error.choice");
        Long original = duplicateOf.matches("#?[1-9][0-9]{0,17}") ? Long.valueOf(duplicateOf.replace("#", "")) : null;
        if (parsed == ContributionStatus.DUPLICATE && original == null) errors.add("duplicateOf", "error.duplicateOf");
        Invalid.unless(errors);
        return new Parsed(parsed, body, parsed == ContributionStatus.DUPLICATE ? original : null);
    }
}
