package app.atelier.invoice;

import app.atelier.db.Database;
import app.atelier.notification.Notice;
import app.atelier.notification.NotificationKind;
import app.atelier.notification.Notifier;
import app.atelier.organisation.OrganisationAccess;
import app.atelier.web.Csv;
import app.atelier.web.Cursor;
import app.atelier.web.Errors;
import app.atelier.web.HttpProblem;
import app.atelier.web.Invalid;
import app.atelier.web.Slice;
import app.atelier.web.Text;
import app.atelier.web.Viewer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.jdbi.v3.core.Handle;

/** The documents each party may read: a member's own, an organisation's for its owners and managers, all for an admin. */
public final class DocumentService {
    static final int PAGE = 50;
    /** The most rows one CSV or ZIP holds: a year's documents of a busy organisation. */
    static final int MOST = 20_000;

    /** Whose documents a list shows. */
    public record Owner(Long organisationId, Long memberId) {
        public static final Owner ALL = new Owner(null, null);
    }

    /** When the documents of a list were issued: a year in the platform's zone, or any time. */
    public record Period(Instant from, Instant until) {
        public static final Period ALWAYS = new Period(Instant.EPOCH, Instant.parse("9999-01-01T00:00:00Z"));

        public static Period year(int year, ZoneId zone) {
            if (year < 2000 || year > 2999) throw new HttpProblem.BadRequest();
            return new Period(LocalDate.of(year, 1, 1).atStartOfDay(zone).toInstant(), LocalDate.of(year + 1, 1, 1).atStartOfDay(zone).toInstant());
        }
    }

    /** What a payee received in one year: their invoices and statements, and the fees invoiced to them. */
    public record Year(int year, int documents, long net, long vat, long total, long fees) {
    }

    static final int REASON_MAX = 2000;
    /** The most objections the admin's list shows at once; each answered leaves room for the next. */
    static final int OBJECTED = 100;

    private final Database db;
    private final Clock clock;
    private final Documents documents;
    private final Notifier notifier;
    private final FacturX facturX;

    public DocumentService(Database db, Clock clock, Documents documents, Notifier notifier, FacturX facturX) {
        this.db = db;
        this.clock = clock;
        this.documents = documents;
        this.notifier = notifier;
        this.facturX = facturX;
    }

    public Document find(Viewer viewer, long id) {
        return db.read(h -> Documents.readable(h, viewer, id));
    }

    /** A document as one of its parties sees it: with the payee's objection, and whether the viewer may object or answer. */
    public record Seen(Document document, Optional<Objection> objection, boolean mayObject, boolean mayAnswer) {
    }

    public Seen seen(Viewer viewer, long id) {
        return db.read(h -> seen(h, viewer, id));
    }

    private Seen seen(Handle h, Viewer viewer, long id) {
        var document = Documents.readable(h, viewer, id);
        var dao = h.attach(DocumentDao.class);
        var objection = dao.objection(id);
        boolean open = document.kind() == Document.Kind.SELF_BILLED_INVOICE && dao.uncredited(document.payment()).stream().anyMatch(r -> r.id() == id);
        boolean inTime = clock.instant().isBefore(document.issuedAt().plus(Objection.WINDOW));
        return new Seen(document, objection, open && inTime && objection.isEmpty() && viewer.is(document.memberId()),
                open && viewer.admin() && objection.filter(o -> !o.answered()).isPresent());
    }

    /**
     * The payee objects to an invoice issued in its name, within {@link Objection#WINDOW} of its issue and once,
     * saying why; the admins find it at the top of their documents.
     */
    public void object(Viewer viewer, long id, String reason) {
        Invalid.unless(Errors.none().text("reason", reason, REASON_MAX));
        db.execute(h -> {
            var seen = seen(h, viewer, id);
            if (!viewer.is(seen.document().memberId())) throw new HttpProblem.Forbidden();
            if (!seen.mayObject()) throw new HttpProblem.Conflict("objection.closed");
            if (h.attach(DocumentDao.class).object(id, viewer.id(), reason.strip(), clock.instant()) == 0) throw new HttpProblem.Conflict("objection.closed");
        });
    }

    /** An admin answers an objection: the invoice corrected (a credit note and a new one) or kept, saying why; the payee is told. */
    public void answer(Viewer admin, long id, Objection.Outcome outcome, String answer) {
        if (!admin.admin()) throw new HttpProblem.Forbidden();
        Invalid.unless(Errors.none().text("answer", answer, REASON_MAX));
        db.execute(h -> {
            var seen = seen(h, admin, id);
            if (!seen.mayAnswer() || h.attach(DocumentDao.class).answer(id, outcome, answer.strip(), admin.id(), clock.instant()) == 0) {
                throw new HttpProblem.Conflict("objection.closed");
            }
            var invoice = seen.document();
            if (outcome == Objection.Outcome.CORRECTED) documents.reissued(h, invoice);
            notifier.notify(h, Notice.by(admin, NotificationKind.REWARD, invoice.reference(), outcome.key(), "/documents/" + id), List.of(invoice.memberId()),
                    clock.instant());
        });
    }

    /** The invoices whose payee objected and wait for an answer, for the admins. */
    public List<Document> objected(Viewer admin) {
        if (!admin.admin()) throw new HttpProblem.Forbidden();
        return db.read(h -> h.attach(DocumentDao.class).objected(OBJECTED).stream().map(Documents::read).toList());
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
            return Slice.of(rows(h, owner, Period.ALWAYS, Cursor.orTop(after).id(), PAGE + 1), PAGE, after, d -> Cursor.ofId(d.id()));
        });
    }

    private static List<Document> rows(Handle h, Owner owner, Period p, long before, int limit) {
        var dao = h.attach(DocumentDao.class);
        List<DocumentDao.Row> rows;
        if (owner.organisationId() != null) rows = dao.ofOrganisation(owner.organisationId(), p.from(), p.until(), before, limit);
        else if (owner.memberId() != null) rows = dao.ofMember(owner.memberId(), p.from(), p.until(), before, limit);
        else rows = dao.all(p.from(), p.until(), before, limit);
        return rows.stream().map(Documents::read).toList();
    }

    /** The owner's documents of the period, if the viewer may read them. */
    public List<Document> readable(Viewer viewer, Owner owner, Period period) {
        return db.read(h -> {
            mayRead(h, viewer, owner);
            return rows(h, owner, period, Long.MAX_VALUE, MOST);
        });
    }

    /** The list as an accountant imports it: one row a document, its number, date, kind, both parties, net, VAT and total. */
    public String csv(Viewer viewer, Owner owner, Period period, Text text) {
        return csv(readable(viewer, owner, period), text);
    }

    private static String csv(List<Document> documents, Text text) {
        var out = new StringWriter();
        var csv = new Csv(out).row("number", "date", "kind", "seller", "seller_vat", "buyer", "buyer_vat", "net", "vat", "total", "currency");
        for (var d : documents) {
            long sign = d.sign();
            csv.row(d.reference(), d.issuedAt().atZone(text.zone()).toLocalDate(), text.t(d.kind().key()), d.seller().legalName(), d.seller().vatNumber(),
                    d.buyer().legalName(), d.buyer().vatNumber(), BigDecimal.valueOf(sign * d.net(), 2), BigDecimal.valueOf(sign * d.vat(), 2),
                    BigDecimal.valueOf(sign * d.total(), 2), d.currency());
        }
        return out.toString();
    }

    /**
     * A year's documents in one ZIP, for the accountant: the list as CSV, and each invoice as Factur-X (laid out now if
     * it never was, one at a time) with its XML beside it.
     */
    public void zip(List<Document> documents, Text text, OutputStream out) {
        try (var zip = new ZipOutputStream(out, StandardCharsets.UTF_8)) {
            zip.putNextEntry(new ZipEntry("documents.csv"));
            zip.write(csv(documents, text).getBytes(StandardCharsets.UTF_8));
            for (var d : documents) {
                if (!d.invoice()) continue;
                zip.putNextEntry(new ZipEntry(d.reference() + ".pdf"));
                Files.copy(facturX.pdf(d, text.locale()), zip);
                zip.putNextEntry(new ZipEntry(d.reference() + ".xml"));
                zip.write(facturX.xml(d));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** What the member received each year, the latest first, from the documents issued to them. */
    public List<Year> years(Viewer viewer, ZoneId zone) {
        var documents = readable(viewer, new Owner(null, viewer.id()), Period.ALWAYS);
        Map<Integer, long[]> byYear = new TreeMap<>(java.util.Comparator.reverseOrder());
        for (var d : documents) {
            var sums = byYear.computeIfAbsent(d.issuedAt().atZone(zone).getYear(), y -> new long[5]);
            if (d.kind() == Document.Kind.RECEIPT) continue;
            if (d.feeToPayee()) {
                sums[4] += d.sign() * d.total();
            } else {
                sums[0]++;
                sums[1] += d.sign() * d.net();
                sums[2] += d.sign() * d.vat();
                sums[3] += d.sign() * d.total();
            }
        }
        return byYear.entrySet().stream().map(e -> new Year(e.getKey(), (int) e.getValue()[0], e.getValue()[1], e.getValue()[2], e.getValue()[3], e.getValue()[4]))
                .toList();
    }
}
