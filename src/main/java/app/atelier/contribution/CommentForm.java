package app.atelier.contribution;

import app.atelier.web.Errors;
import app.atelier.web.Forms;
import app.atelier.web.Invalid;
import io.javalin.http.Context;

/** A comment as typed; {@code parent} is the id of the comment it answers, empty for a new thread. */
public record CommentForm(String body, String parent) {
    static final int BODY_MAX = 10_000;

    public static CommentForm empty() {
        return new CommentForm("", "");
    }

    public static CommentForm from(Context ctx) {
        return new CommentForm(Forms.multiline(ctx, "body"), Forms.text(ctx, "parent"));
    }

    void validate() {
        Invalid.unless(Errors.none().text("body", body, BODY_MAX));
    }

    /** The comment this one answers, for showing the form again under it; null when none or not a number. */
    public Long replyTo() {
        return parent.matches("[1-9][0-9]{0,17}") ? Long.valueOf(parent) : null;
    }

    Long parentId() {
        try {
            return Forms.optionalId(parent);
        } catch (RuntimeException notAnId) {
            throw Invalid.of("body", "error.noSuchComment");
        }
    }
}
