package app.atelier.invoice;

import app.atelier.db.Database;
import app.atelier.organisation.OrganisationAccess;
import app.atelier.web.Csv;
import app.atelier.web.Cursor;
import app.atelier.web.HttpProblem;
import app.atelier.web.Slice;
import app.atelier.web.Text;
import app.atelier.web.Viewer;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import org.jdbi.v3.core.Handle;

/** The documents each party may read: a member's own, an organisation's for its owners and managers, all for an admin. */
public final class DocumentService {
    static final int PAGE = 50;
    /** The most rows one CSV download holds: a year's documents of a busy organisation. */
    static final int CSV_MOST = 20_000;

    /** Whose documents a list shows. */
    public record Owner(Long organisationId, Long memberId) {
        public static final Owner ALL = new Owner(null, null);
    }

    private final Database db;
    private final FacturX facturX;

    public DocumentService(Database db, FacturX facturX) {
        this.db = db;
        this.facturX = facturX;
    }

    public Document find(Viewer viewer, long id) {
        return db.read(h -> Documents.readable(h, viewer, id));
    }

    /** An invoice's PDF in the reader's language; made outside any transaction, as it takes seconds the first time. */
    public Path pdf(Viewer viewer, long id, Locale locale) {
        return facturX.pdf(invoice(viewer, id), locale);
    }

    public byte[] xml(Viewer viewer, long id) {
        return facturX.xml(invoice(viewer, id));
    }

    private Document invoice(Viewer viewer, long id) {
        var document = find(viewer, id);
        if (!document.invoice()) throw new HttpProblem.NotFound();
        return document;
    }

    /** Checks that the viewer may read the owner's list. */
    private static void mayRead(Handle h, Viewer viewer, Owner owner) {
        if (owner.organisationId() != null) {
            var access = OrganisationAccess.of(h, viewer, owner.organisationId());
            access.require(access.manages());
        } else if (owner.memberId() != null) {
            if (!viewer.is(owner.memberId())) throw new HttpProblem.Forbidden();
        } else if (!viewer.admin()) {
            throw new HttpProblem.Forbidden();
        }
    }

    public Slice<Document> list(Viewer viewer, Owner owner, Cursor after) {
        return db.read(h -> {
            mayRead(h, viewer, owner);
            return Slice.of(rows(h, owner, Cursor.orTop(after).id(), PAGE + 1), PAGE, after, d -> Cursor.ofId(d.id()));
        });
    }

    private static List<Document> rows(Handle h, Owner owner, long before, int limit) {
        var dao = h.attach(DocumentDao.class);
        Function<DocumentDao.Row, Document> read = Documents::read;
        if (owner.organisationId() != null) return dao.ofOrganisation(owner.organisationId(), before, limit).stream().map(read).toList();
        if (owner.memberId() != null) return dao.ofMember(owner.memberId(), before, limit).stream().map(read).toList();
        return dao.all(before, limit).stream().map(read).toList();
    }

    /** The list as an accountant imports it: one row a document, its number, date, kind, parties, net, VAT and total. */
    public String csv(Viewer viewer, Owner owner, Text text) {
        return db.read(h -> {
            mayRead(h, viewer, owner);
            var out = new StringWriter();
            var csv = new Csv(out).row("number", "date", "kind", "seller", "seller_vat", "buyer", "buyer_vat", "net", "vat", "total", "currency", "credits");
            for (var d : rows(h, owner, Long.MAX_VALUE, CSV_MOST)) {
                csv.row(d.reference(), d.issuedAt().atZone(text.zone()).toLocalDate(), text.t(d.kind().key()), d.seller().legalName(), d.seller().vatNumber(),
                        d.buyer().legalName(), d.buyer().vatNumber(), BigDecimal.valueOf(d.net(), 2), BigDecimal.valueOf(d.vat(), 2),
                        BigDecimal.valueOf(d.total(), 2), d.currency(),
                        d.creditsId() == null ? "" : d.creditsId());
            }
            return out.toString();
        });
    }
}
