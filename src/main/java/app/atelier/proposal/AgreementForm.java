package app.atelier.proposal;

import app.atelier.challenge.Arrangement;
import app.atelier.web.Errors;
import app.atelier.web.Forms;
import app.atelier.web.Invalid;
import io.javalin.http.Context;
import java.util.Arrays;

/** The agreement reached, as a manager records it: the arrangement, and its terms as the community will read them. */
public record AgreementForm(String arrangement, String terms) {
    static final int TERMS_MAX = 5_000;

    public static AgreementForm empty() {
        return new AgreementForm("", "");
    }

    public static AgreementForm from(Context ctx) {
        return new AgreementForm(Forms.text(ctx, "arrangement"), Forms.multiline(ctx, "terms"));
    }

    record Parsed(Arrangement arrangement, String terms) {
    }

    Parsed parse() {
        var errors = Errors.none().text("terms", terms, TERMS_MAX);
        var parsed = Arrays.stream(Arrangement.values()).filter(a -> a.name().equals(arrangement)).findFirst().orElse(null);
        if (parsed == null) errors.add("arrangement", "error.choice");
        Invalid.unless(errors);
        return new Parsed(parsed, terms);
    }
}
