package app.atelier.platformreport;

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
import java.time.Year;

/** A seller's tax details, on their account; the year's platform report, for the admins. */
public final class PlatformReportRoutes {
    public record TaxPage(PlatformReportService.Own own, SellerTax form, Errors errors) implements Page {
        @Override
        public String template() {
            return "platformreport/tax.jte";
        }
    }

    public record ReportPage(PlatformReportService.Report report, int thisYear) implements Page {
        @Override
        public String template() {
            return "platformreport/report.jte";
        }
    }

    private final PlatformReportService reports;

    public PlatformReportRoutes(PlatformReportService reports) {
        this.reports = reports;
    }

    public void register(RoutesConfig routes) {
        routes.get("/account/tax", ctx -> {
            var own = reports.own(Current.viewer(ctx));
            View.render(ctx, new TaxPage(own, own.form(), Errors.none()));
        }, Role.MEMBER);
        routes.post("/account/tax", this::save, Role.MEMBER);
        routes.get("/admin/platform-report", ctx -> View.render(ctx, new ReportPage(reports.report(Current.viewer(ctx), year(ctx)), thisYear(ctx))), Role.ADMIN);
        routes.get("/admin/platform-report.csv", ctx -> {
            int year = year(ctx);
            ctx.contentType("text/csv; charset=utf-8").header("Content-Disposition", "attachment; filename=\"platform-report-" + year + ".csv\"")
                    .header("Cache-Control", "no-store").result(reports.csv(Current.viewer(ctx), year, Current.text(ctx)));
        }, Role.ADMIN);
    }

    private void save(Context ctx) {
        var typed = SellerTax.from(ctx);
        try {
            reports.save(Current.viewer(ctx), typed);
            Notice.done(ctx, "tax.saved");
            ctx.redirect("/account/tax");
        } catch (Invalid e) {
            View.invalid(ctx, new TaxPage(reports.own(Current.viewer(ctx)), typed, e.errors()));
        }
    }

    private static int thisYear(Context ctx) {
        return Year.now(Current.text(ctx).zone()).getValue();
    }

    /** The year asked for, or this one. */
    private static int year(Context ctx) {
        String typed = ctx.queryParam("year");
        return typed == null || typed.isBlank() ? thisYear(ctx) : Forms.wholeNumber(typed, 2000, 2999);
    }
}
