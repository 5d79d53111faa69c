package app.atelier.invoice;

import app.atelier.web.Errors;
import app.atelier.web.Forms;
import io.javalin.http.Context;

/** The payee profile as typed: private or business, the VAT regime of a business, its identity, and the mandate. */
public record PayeeForm(String kind, String regime, Party party, boolean mandate) {
    public static PayeeForm from(Context ctx) {
        return new PayeeForm(Forms.text(ctx, "kind"), Forms.text(ctx, "regime"), Party.from(ctx), "yes".equals(ctx.formParam("mandate")));
    }

    static PayeeForm of(PayeeProfile profile) {
        return new PayeeForm(profile.kind().name(), profile.vatRegime() == null ? "" : profile.vatRegime().name(), profile.party(),
                profile.mandateAcceptedAt() != null);
    }

    static PayeeForm empty(String name) {
        var party = Party.empty();
        return new PayeeForm("", "", new Party(name, party.street(), party.postcode(), party.city(), party.country(), "", ""), false);
    }

    PayeeProfile.Kind chosenKind() {
        return Forms.choice(PayeeProfile.Kind.class, kind);
    }

    PayeeProfile.Regime chosenRegime() {
        return Forms.choice(PayeeProfile.Regime.class, regime);
    }

    /**
     * A private individual gives a name and an address; a business also its company number, its VAT regime (the
     * franchise en base is French), its VAT number when registered, and its acceptance of the self-billing mandate.
     */
    Errors errors() {
        var kind = chosenKind();
        if (kind == null) return party.errors(false, false).add("kind", "error.choose");
        if (kind == PayeeProfile.Kind.PRIVATE) return party.errors(false, false);
        var regime = chosenRegime();
        var errors = party.errors(true, regime == PayeeProfile.Regime.REGISTERED);
        if (regime == null) errors.add("regime", "error.choose");
        else if (regime == PayeeProfile.Regime.FRANCHISE && !party.french()) errors.add("regime", "payee.franchiseIsFrench");
        if (!mandate) errors.add("mandate", "payee.mandateRequired");
        return errors;
    }

    /** What is kept: a private individual's company and VAT numbers, if typed, are not theirs to print. */
    Party kept() {
        return chosenKind() == PayeeProfile.Kind.PRIVATE ? new Party(party.legalName(), party.street(), party.postcode(), party.city(), party.country(), "", "") : party;
    }
}
