package app.atelier.bank;

import app.atelier.web.Current;
import app.atelier.web.Errors;
import app.atelier.web.Forms;
import app.atelier.web.Invalid;
import app.atelier.web.Notice;
import app.atelier.web.Page;
import app.atelier.web.Role;
import app.atelier.web.View;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.Optional;

/** A member's bank details, where their payouts are sent. */
public final class BankRoutes {
    /** @param kept the details as kept, with any hold a change put on the payouts; {@code form} as typed or as kept */
    public record AccountPage(BankAccount form, Optional<BankService.Kept> kept, Errors errors) implements Page {
        @Override
        public String template() {
            return "bank/account.jte";
        }
    }

    private final BankService bank;

    public BankRoutes(BankService bank) {
        this.bank = bank;
    }

    public void register(RoutesConfig routes) {
        routes.get("/account/bank", ctx -> {
            var kept = bank.account(Current.viewer(ctx));
            var form = kept.map(k -> k.account().account()).orElse(BankAccount.typed("", "", Current.viewer(ctx).name()));
            View.render(ctx, new AccountPage(form, kept, Errors.none()));
        }, Role.MEMBER);
        routes.post("/account/bank", this::save, Role.MEMBER);
    }

    private void save(Context ctx) {
        var viewer = Current.viewer(ctx);
        var typed = BankAccount.typed(Forms.text(ctx, "iban"), Forms.text(ctx, "bic"), Forms.text(ctx, "holder"));
        try {
            bank.save(viewer, typed, ctx.formParam("password"));
            Notice.done(ctx, "bank.saved");
            ctx.redirect("/account/bank");
        } catch (Invalid e) {
            View.invalid(ctx, new AccountPage(typed, bank.account(viewer), e.errors()));
        }
    }
}
