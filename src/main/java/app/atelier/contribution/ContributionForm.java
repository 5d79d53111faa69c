package app.atelier.contribution;

import app.atelier.challenge.Challenge;
import app.atelier.challenge.ContributionKind;
import app.atelier.web.Errors;
import app.atelier.web.Forms;
import app.atelier.web.Invalid;
import io.javalin.http.Context;

public record ContributionForm(String kind, String title, String body, boolean acceptsTerms) {
    static final int TITLE_MAX = 140;
    static final int BODY_MAX = 20_000;

    public static ContributionForm empty(Challenge challenge) {
        var kinds = challenge.writableKinds();
        return new ContributionForm(kinds.isEmpty() ? "" : kinds.iterator().next().name(), "", "", false);
    }

    public static ContributionForm from(Context ctx) {
        return new ContributionForm(Forms.text(ctx, "kind"), Forms.text(ctx, "title"), Forms.multiline(ctx, "body"),
                ctx.formParam("acceptTerms") != null);
    }

    static ContributionForm of(Contribution c) {
        return new ContributionForm(c.kind().name(), c.title(), c.body(), true);
    }

    /** The kind, which must be one the challenge accepts and that can be written as text. */
    ContributionKind validKind(Challenge challenge) {
        var errors = Errors.none().text("title", title, TITLE_MAX).text("body", body, BODY_MAX);
        ContributionKind parsed = challenge.writableKinds().stream().filter(k -> k.name().equals(kind)).findFirst().orElse(null);
        if (parsed == null) errors.add("kind", "error.choice");
        Invalid.unless(errors);
        return parsed;
    }
}
