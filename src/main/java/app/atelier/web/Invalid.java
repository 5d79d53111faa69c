package app.atelier.web;

/** A form that breaks a rule; the route shows the form again with the messages beside its fields. */
public final class Invalid extends RuntimeException {
    private final Errors errors;

    public Invalid(Errors errors) {
        super("invalid form: " + errors, null, false, false);
        this.errors = errors;
    }

    public static Invalid of(String field, String key, Object... args) {
        return new Invalid(Errors.none().add(field, key, args));
    }

    /** Throws when there is anything to say, so a service can validate in one line. */
    public static void unless(Errors errors) {
        if (errors.any()) throw new Invalid(errors);
    }

    public Errors errors() {
        return errors;
    }
}
