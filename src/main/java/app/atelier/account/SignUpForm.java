package app.atelier.account;

import app.atelier.web.Errors;
import app.atelier.web.Forms;
import io.javalin.http.Context;
import java.util.regex.Pattern;

public record SignUpForm(String name, String email, String password) {
    static final int NAME_MAX = 100;
    static final int EMAIL_MAX = 254;
    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");

    public static SignUpForm empty() {
        return new SignUpForm("", "", "");
    }

    public static SignUpForm from(Context ctx) {
        String password = ctx.formParam("password");
        return new SignUpForm(Forms.text(ctx, "name"), Forms.text(ctx, "email"), password == null ? "" : password);
    }

    Errors errors() {
        var errors = Errors.none().text("name", name, NAME_MAX).text("email", email, EMAIL_MAX);
        if (!errors.has("email") && !EMAIL.matcher(email).matches()) errors.add("email", "error.email");
        int length = password.codePointCount(0, password.length());
        if (length < Passwords.MIN_LENGTH) errors.add("password", "error.passwordShort", Passwords.MIN_LENGTH);
        if (length > Passwords.MAX_LENGTH) errors.add("password", "error.tooLong", Passwords.MAX_LENGTH);
        return errors;
    }

    /** What the page shows again: never the password. */
    public SignUpForm withoutPassword() {
        return new SignUpForm(name, email, "");
    }
}
