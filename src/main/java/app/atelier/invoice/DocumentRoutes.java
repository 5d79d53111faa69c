package app.atelier.invoice;

import app.atelier.web.Current;
import app.atelier.web.Cursor;
import app.atelier.web.Forms;
import app.atelier.web.Page;
import app.atelier.web.Role;
import app.atelier.web.Slice;
import app.atelier.web.View;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.io.IOException;
import java.nio.file.Files;

/**
 * The documents, for their parties: a member's own list, an organisation's for its owners and managers, all for an
 * admin, each as a page and a CSV; one document as a page, and an invoice as Factur-X (PDF with its XML) or XML alone;
 * the platform's books of a year as a FEC, for the admin.
 */
public final class DocumentRoutes {
    /** @param address the list's own address, which its CSV and next pages extend */
    public record ListPage(String title, String address, Slice<Document> documents) implements Page {
        @Override
        public String template() {
            return "invoice/documents.jte";
        }
    }

    public record DocumentPage(Document document) implements Page {
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
        routes.get("/account/documents.csv", ctx -> csv(ctx, "my-documents.csv", new DocumentService.Owner(null, Current.viewer(ctx).id())), Role.MEMBER);
        routes.get("/organisations/{id}/documents", ctx -> {
            long id = Forms.pathId(ctx, "id");
            list(ctx, "documents.organisation", "/organisations/" + id + "/documents", new DocumentService.Owner(id, null));
        }, Role.MANAGER);
        routes.get("/organisations/{id}/documents.csv", ctx -> {
            long id = Forms.pathId(ctx, "id");
            csv(ctx, "documents-" + id + ".csv", new DocumentService.Owner(id, null));
        }, Role.MANAGER);
        routes.get("/admin/documents", ctx -> list(ctx, "documents.all", "/admin/documents", DocumentService.Owner.ALL), Role.ADMIN);
        routes.get("/admin/documents.csv", ctx -> csv(ctx, "documents.csv", DocumentService.Owner.ALL), Role.ADMIN);
        routes.get("/admin/fec", this::fec, Role.ADMIN);
        routes.get("/documents/{id}", ctx -> View.render(ctx, new DocumentPage(documents.find(Current.viewer(ctx), Forms.pathId(ctx, "id")))), Role.MEMBER);
        routes.get("/documents/{id}/pdf", this::pdf, Role.MEMBER);
        routes.get("/documents/{id}/xml", this::xml, Role.MEMBER);
    }

    private void list(Context ctx, String title, String address, DocumentService.Owner owner) {
        View.render(ctx, new ListPage(title, address, documents.list(Current.viewer(ctx), owner, Cursor.parse(ctx.queryParam("after")))));
    }

    private void csv(Context ctx, String filename, DocumentService.Owner owner) {
        ctx.contentType("text/csv; charset=utf-8").header("Content-Disposition", "attachment; filename=\"" + filename + "\"")
                .header("Cache-Control", "no-store").result(documents.csv(Current.viewer(ctx), owner, Current.text(ctx)));
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
