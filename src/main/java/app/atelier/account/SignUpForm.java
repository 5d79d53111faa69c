package app.atelier.account;

import app.atelier.web.Errors;
import app.atelier.web.Forms;
import app.atelier.web.Invalid;
import io.javalin.http.Context;

public record SignUpForm(String name, String email, String password) {
    static final int NAME_MAX = 100;
    static final int EMAIL_MAX = Forms.EMAIL_MAX;

    public static SignUpForm empty() {
        return new SignUpForm("", "", "");
    }

    public static SignUpForm from(Context ctx) {
        String password = ctx.formParam("password");
        return new SignUpForm(Forms.text(ctx, "name"), Forms.text(ctx, "email"), password == null ? "" : password);
    }

    Errors errors() {
        var errors = Errors.none().text("name", name, NAME_MAX);
        email(errors, "email", email);
        password(errors, "password", password);
        return errors;
    }

    static void requireGoodEmail(String email) {
        Invalid.unless(email(Errors.none(), "email", email));
    }

    static void requireGoodPassword(String password) {
        Invalid.unless(password(Errors.none(), "password", password == null ? "" : password));
    }

    private static Errors email(Errors errors, String field, String email) {
        errors.text(field, email, EMAIL_MAX);
        if (!errors.has(field) && !Forms.isEmail(email)) errors.add(field, "error.email");
        return errors;
    }

    private static Errors password(Errors errors, String field, String password) {
        int length = password.codePointCount(0, password.length());
        if (length < Passwords.MIN_LENGTH) errors.add(field, "error.passwordShort", Passwords.MIN_LENGTH);
        if (length > Passwords.MAX_LENGTH) errors.add(field, "error.tooLong", Passwords.MAX_LENGTH);
        return errors;
    }

    /** What the page shows again: never the password. */
    public SignUpForm withoutPassword() {
        return new SignUpForm(name, email, "");
    }
}
