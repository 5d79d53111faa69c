package app.atelier.contribution;

import app.atelier.web.Errors;
import app.atelier.web.Page;

/** The report form of one item; after a report, only a thank-you. */
public record FlagBox(ItemType type, long id, Errors errors, boolean done) implements Page {
    @Override
    public String template() {
        return "contribution/flag.jte";
    }

    public static FlagBox of(ItemType type, long id) {
        return new FlagBox(type, id, Errors.none(), false);
    }

    public String elementId() {
        return "flag-" + type.path() + "-" + id;
    }
}
