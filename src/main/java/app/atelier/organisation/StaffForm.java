package app.atelier.organisation;

import app.atelier.web.Errors;
import app.atelier.web.Forms;
import io.javalin.http.Context;
import java.util.Optional;

/** Adding a member to an organisation's staff: their email and a role other than owner. */
public record StaffForm(String email, String role) {
    public static StaffForm empty() {
        return new StaffForm("", StaffRole.MANAGER.name());
    }

    public static StaffForm from(Context ctx) {
        return new StaffForm(Forms.text(ctx, "email"), Forms.text(ctx, "role"));
    }

    Optional<StaffRole> parsedRole() {
        return role.equals("MANAGER") || role.equals("MODERATOR") ? Optional.of(StaffRole.valueOf(role)) : Optional.empty();
    }

    Errors errors() {
        var errors = Errors.none().text("email", email, 254);
        if (parsedRole().isEmpty()) errors.add("role", "error.choice");
        return errors;
    }
}
