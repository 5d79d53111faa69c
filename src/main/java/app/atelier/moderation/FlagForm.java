package app.atelier.moderation;

import app.atelier.contribution.FlagReason;
import app.atelier.web.Errors;
import app.atelier.web.Forms;
import app.atelier.web.Invalid;
import io.javalin.http.Context;
import java.util.Arrays;

/** Why a member flags something; "other" needs a few words. */
public record FlagForm(String reason, String note) {
    static final int NOTE_MAX = 500;

    public static FlagForm from(Context ctx) {
        return new FlagForm(Forms.text(ctx, "reason"), Forms.multiline(ctx, "note"));
    }

    FlagReason parse() {
        var errors = Errors.none();
        FlagReason parsed = Arrays.stream(FlagReason.values()).filter(r -> r.name().equals(reason)).findFirst().orElse(null);
        if (parsed == null) errors.add("reason", "error.choice");
        if (parsed == FlagReason.OTHER && note.isBlank()) errors.add("note", "error.required");
        if (note.length() > NOTE_MAX) errors.add("note", "error.tooLong", NOTE_MAX);
        Invalid.unless(errors);
        return parsed;
    }
}
