package app.atelier.invoice;

import app.atelier.web.Current;
import app.atelier.web.Cursor;
import app.atelier.web.Errors;
import app.atelier.web.Forms;
import app.atelier.web.HttpProblem;
import app.atelier.web.Invalid;
import app.atelier.web.Page;
import app.atelier.web.Role;
import app.atelier.web.Slice;
import app.atelier.web.View;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.io.IOException;
import java.nio.file.Files;
import java.time.Year;
import java.util.List;

/**
 * The documents, for their parties: a member's own list, an organisation's for its owners and managers, all for an
 * admin, each as a page and a CSV; one document as a page, and an invoice as Factur-X (PDF with its XML) or XML alone;
 * a payee's objection to an invoice issued in its name, and the admin's answer; the platform's books of a year as a
 * FEC, for the admin.
 */
public final class DocumentRoutes {
    /**
     * @param address the list's own address, which its CSV, ZIP and next pages extend
     * @param years what a member received each year; empty for other lists
     * @param objected the invoices waiting for an answer to their payee's objection, on the admin's list
     */
    public record ListPage(String title, String address, Slice<Document> documents, List<DocumentService.Year> years, int thisYear, List<Document> objected)
            implements Page {
        @Override
        public String template() {
            return "invoice/documents.jte";
        }
    }

    /** A document, with what was typed into its objection or answer form when it was refused. */
    public record DocumentPage(DocumentService.Seen seen, String reason, String answer, Errors errors) implements Page {
        @Override
        public String template() {
            return "invoice/document.jte";
        }
    }

    private final DocumentService documents;
    private final Fec fec;

    public DocumentRoutes(DocumentService documents, Fec fec) {
        this.documents = documents;
        this.fec = fec;
    }

    public void register(RoutesConfig routes) {
        routes.get("/account/documents", ctx -> list(ctx, "documents.mine", "/account/documents", new DocumentService.Owner(null, Current.viewer(ctx).id())),
                Role.MEMBER);
        routes.get("/account/documents.csv", ctx -> csv(ctx, "my-documents", new DocumentService.Owner(null, Current.viewer(ctx).id())), Role.MEMBER);
        routes.get("/account/documents.zip", ctx -> zip(ctx, "my-documents", new DocumentService.Owner(null, Current.viewer(ctx).id())), Role.MEMBER);
        routes.get("/organisations/{id}/documents", ctx -> {
            long id = Forms.pathId(ctx, "id");
            list(ctx, "documents.organisation", "/organisations/" + id + "/documents", new DocumentService.Owner(id, null));
        }, Role.MANAGER);
        routes.get("/organisations/{id}/documents.csv", ctx -> {
            long id = Forms.pathId(ctx, "id");
            csv(ctx, "documents-" + id, new DocumentService.Owner(id, null));
        }, Role.MANAGER);
        routes.get("/organisations/{id}/documents.zip", ctx -> {
            long id = Forms.pathId(ctx, "id");
            zip(ctx, "documents-" + id, new DocumentService.Owner(id, null));
        }, Role.MANAGER);
        routes.get("/admin/documents", ctx -> list(ctx, "documents.all", "/admin/documents", DocumentService.Owner.ALL), Role.ADMIN);
        routes.post("/documents/{id}/objection", ctx -> act(ctx, () -> documents.object(Current.viewer(ctx), Forms.pathId(ctx, "id"), Forms.multiline(ctx, "reason"))),
                Role.MEMBER);
        routes.post("/documents/{id}/answer", ctx -> act(ctx, () -> documents.answer(Current.viewer(ctx), Forms.pathId(ctx, "id"), outcome(ctx),
                Forms.multiline(ctx, "answer"))), Role.ADMIN);
        routes.get("/admin/documents.csv", ctx -> csv(ctx, "documents", DocumentService.Owner.ALL), Role.ADMIN);
        routes.get("/admin/fec", this::fec, Role.ADMIN);
        routes.get("/documents/{id}", ctx -> document(ctx, "", "", Errors.none()), Role.MEMBER);
        routes.get("/documents/{id}/pdf", this::pdf, Role.MEMBER);
        routes.get("/documents/{id}/xml", this::xml, Role.MEMBER);
    }

    private void list(Context ctx, String title, String address, DocumentService.Owner owner) {
        var viewer = Current.viewer(ctx);
        var zone = Current.text(ctx).zone();
        View.render(ctx, new ListPage(title, address, documents.list(viewer, owner, Cursor.parse(ctx.queryParam("after"))),
                owner.memberId() == null ? List.of() : documents.years(viewer, zone), Year.now(zone).getValue(),
                owner.equals(DocumentService.Owner.ALL) ? documents.objected(viewer) : List.of()));
    }

    private void document(Context ctx, String reason, String answer, Errors errors) {
        var page = new DocumentPage(documents.seen(Current.viewer(ctx), Forms.pathId(ctx, "id")), reason, answer, errors);
        if (errors.any()) View.invalid(ctx, page);
        else View.render(ctx, page);
    }

    /** Does the step and shows the document again; a refused form is shown with what was typed. */
    private void act(Context ctx, Runnable step) {
        try {
            step.run();
            ctx.redirect("/documents/" + Forms.pathId(ctx, "id"));
        } catch (Invalid e) {
            document(ctx, Forms.multiline(ctx, "reason"), Forms.multiline(ctx, "answer"), e.errors());
        }
    }

    /** Which button answered: correct the invoice or keep it; anything else is a bad request. */
    private static Objection.Outcome outcome(Context ctx) {
        var outcome = Forms.choice(Objection.Outcome.class, ctx.formParam("outcome"));
        if (outcome == null) throw new HttpProblem.BadRequest();
        return outcome;
    }

    /** The year asked for ({@code ?year=}), or every year when none is. */
    private static DocumentService.Period period(Context ctx) {
        String year = ctx.queryParam("year");
        return year == null || year.isBlank() ? DocumentService.Period.ALWAYS : DocumentService.Period.year(Forms.wholeNumber(year, 2000, 2999), Current.text(ctx).zone());
    }

    private static String named(Context ctx, String name) {
        String year = ctx.queryParam("year");
        return year == null || year.isBlank() ? name : name + "-" + Forms.wholeNumber(year, 2000, 2999);
    }

    private void csv(Context ctx, String name, DocumentService.Owner owner) {
        String csv = documents.csv(Current.viewer(ctx), owner, period(ctx), Current.text(ctx));
        ctx.contentType("text/csv; charset=utf-8").header("Content-Disposition", "attachment; filename=\"" + named(ctx, name) + ".csv\"")
                .header("Cache-Control", "no-store").result(csv);
    }

    /** Written into the answer as it is made: the PDFs never laid out before take seconds each. */
    private void zip(Context ctx, String name, DocumentService.Owner owner) throws IOException {
        var chosen = documents.readable(Current.viewer(ctx), owner, period(ctx));
        ctx.contentType("application/zip").header("Content-Disposition", "attachment; filename=\"" + named(ctx, name) + ".zip\"").header("Cache-Control", "no-store");
        documents.zip(chosen, Current.text(ctx), ctx.outputStream());
    }

    /** The platform's books of a year (this one unless {@code year} says), as the tax administration reads them. */
    private void fec(Context ctx) {
        String typed = ctx.queryParam("year");
        int year = typed == null ? java.time.Year.now(Current.text(ctx).zone()).getValue() : Forms.wholeNumber(typed, 2000, 2999);
        String books = fec.year(Current.viewer(ctx), year);
        ctx.contentType("text/plain; charset=utf-8").header("Content-Disposition", "attachment; filename=\"" + fec.filename(year) + "\"")
                .header("Cache-Control", "no-store").result(books);
    }

    private void pdf(Context ctx) throws IOException {
        long id = Forms.pathId(ctx, "id");
        var viewer = Current.viewer(ctx);
        var file = documents.pdf(viewer, id, Current.text(ctx).locale());
        ctx.contentType("application/pdf").header("Content-Disposition", "attachment; filename=\"" + documents.find(viewer, id).reference() + ".pdf\"")
                .header("Cache-Control", "private, no-store").result(Files.newInputStream(file));
    }

    private void xml(Context ctx) {
        long id = Forms.pathId(ctx, "id");
        var viewer = Current.viewer(ctx);
        ctx.contentType("application/xml").header("Content-Disposition", "attachment; filename=\"" + documents.find(viewer, id).reference() + ".xml\"")
                .header("Cache-Control", "private, no-store").result(documents.xml(viewer, id));
    }
}
