package app.atelier.organisation;

import app.atelier.web.Errors;
import app.atelier.web.Forms;
import io.javalin.http.Context;

public record OrganisationForm(String name, String description) {
    static final int NAME_MAX = 100;
    static final int DESCRIPTION_MAX = 5_000;

    public static OrganisationForm empty() {
        return new OrganisationForm("", "");
    }

    public static OrganisationForm from(Context ctx) {
        return new OrganisationForm(Forms.text(ctx, "name"), Forms.multiline(ctx, "description"));
    }

    Errors errors() {
        var errors = Errors.none().text("name", name, NAME_MAX);
        if (description.length() > DESCRIPTION_MAX) errors.add("description", "error.tooLong", DESCRIPTION_MAX);
        return errors;
    }
}
