package app.atelier.account;

import app.atelier.web.Errors;
import app.atelier.web.Forms;
import io.javalin.http.Context;

public record ProfileForm(String name, String bio) {
    static final int BIO_MAX = 2_000;

    public static ProfileForm from(Context ctx) {
        return new ProfileForm(Forms.text(ctx, "name"), Forms.multiline(ctx, "bio"));
    }

    static ProfileForm of(Member member) {
        return new ProfileForm(member.name(), member.bio());
    }

    Errors errors() {
        var errors = Errors.none().text("name", name, SignUpForm.NAME_MAX);
        if (bio.length() > BIO_MAX) errors.add("bio", "error.tooLong", BIO_MAX);
        return errors;
    }
}
