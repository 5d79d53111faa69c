package app.atelier.invoice;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Date;
import java.util.Locale;
import org.mustangproject.Invoice;
import org.mustangproject.Item;
import org.mustangproject.LegalOrganisation;
import org.mustangproject.Product;
import org.mustangproject.ReferencedDocument;
import org.mustangproject.TradeParty;
import org.mustangproject.ZUGFeRD.Profiles;
import org.mustangproject.ZUGFeRD.ZUGFeRD2PullProvider;
import org.mustangproject.ZUGFeRD.ZUGFeRDExporterFromPDFA;
import org.mustangproject.ZUGFeRD.ZUGFeRDVisualizer;

/**
 * An invoice or credit note as Factur-X, made with Mustang: its EN 16931 XML (CII), and a PDF/A-3 that shows it in the
 * reader's language with that XML inside. Laying a PDF out takes seconds, so each is made once per document and
 * language, on its first download, one at a time, and kept in a folder beside the database.
 */
public final class FacturX {
    private static final String PROFILE = "EN16931";

    private final Path folder;
    private final ZoneId zone;
    /** Keeps its stylesheets compiled between documents. */
    private final ZUGFeRDVisualizer visualizer = new ZUGFeRDVisualizer();

    /** @param zone where the documents' days are counted */
    public FacturX(Path folder, ZoneId zone) {
        this.folder = folder;
        this.zone = zone;
    }

    public byte[] xml(Document document) {
        return xml(invoice(document));
    }

    private static byte[] xml(Invoice invoice) {
        var provider = new ZUGFeRD2PullProvider();
        provider.setProfile(Profiles.getByName(PROFILE));
        provider.generateXML(invoice);
        return provider.getXML();
    }

    /** The document's PDF in the reader's language (French or English), made now if it was never asked for. */
    public synchronized Path pdf(Document document, Locale locale) {
        var language = locale.getLanguage().equals("fr") ? ZUGFeRDVisualizer.Language.FR : ZUGFeRDVisualizer.Language.EN;
        Path file = folder.resolve(document.id() + "-" + language.name().toLowerCase(Locale.ROOT) + ".pdf");
        if (Files.exists(file)) return file;
        try {
            Files.createDirectories(folder);
            var invoice = invoice(document);
            byte[] shown = visualizer.toPDF(new String(xml(invoice), StandardCharsets.UTF_8), language);
            if (shown == null) throw new IllegalStateException("Mustang could not lay out document " + document.reference());
            var exporter = new ZUGFeRDExporterFromPDFA().load(shown);
            exporter.setProducer("Atelier").setCreator("Atelier");
            exporter.setProfile(Profiles.getByName(PROFILE));
            exporter.setTransaction(invoice);
            Path part = Files.createTempFile(folder, "document", ".part");
            try (var out = Files.newOutputStream(part)) {
                exporter.export(out);
            }
            Files.move(part, file, StandardCopyOption.ATOMIC_MOVE);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Invoice invoice(Document d) {
        LocalDate issued = LocalDate.ofInstant(d.issuedAt(), zone);
        var invoice = new Invoice().setDocumentCode(d.kind().code).setNumber(d.reference()).setIssueDate(day(issued)).setDueDate(day(d.dueOn()))
                .setDeliveryDate(day(issued)).setSender(party(d.seller(), true)).setRecipient(party(d.buyer(), false)).setCurrency(d.currency());
        d.mentions().forEach(invoice::addNote);
        invoice.setPaymentTermDescription(terms(d, issued));
        if (d.credits() != null) {
            invoice.addInvoiceReferencedDocument(new ReferencedDocument(d.credits().reference(), day(LocalDate.ofInstant(d.credits().issuedAt(), zone))));
        }
        for (var line : d.lines()) {
            var product = new Product(line.description(), "", line.unit(), BigDecimal.valueOf(line.vatBp(), 2)).setTaxCategoryCode(line.vatCategory());
            if (line.exemption() != null) product.setTaxExemptionReason(line.exemption());
            invoice.addItem(new Item(product, BigDecimal.valueOf(line.unitPrice(), 2), new BigDecimal(line.quantity())));
        }
        return invoice;
    }

    /** How it is settled: Atelier pays every document out of money it holds, at once or by the due day. */
    private static String terms(Document d, LocalDate issued) {
        if (d.credits() != null) return "Remboursé par Atelier le " + Documents.FRENCH_DAY.format(issued) + ".";
        if (d.dueOn().isAfter(issued)) return "Réglé par Atelier sur les fonds déjà retenus, au plus tard le " + Documents.FRENCH_DAY.format(d.dueOn()) + ".";
        return "Acquitté à l’émission, par Atelier, le " + Documents.FRENCH_DAY.format(issued) + ".";
    }

    /**
     * A party as EN 16931 names it: its VAT number, a French company's SIREN as its legal registration (scheme 0002),
     * and, for a seller without a VAT number, its company number as its tax registration (a buyer has none such).
     */
    private static TradeParty party(Party p, boolean seller) {
        var party = new TradeParty(p.legalName(), p.street(), p.postcode(), p.city(), p.country());
        if (!p.vatNumber().isEmpty()) party.addVATID(p.vatNumber());
        if (!p.companyNumber().isEmpty() && p.french()) party.setLegalOrganisation(new LegalOrganisation(p.companyNumber(), "0002"));
        if (seller && !p.companyNumber().isEmpty() && p.vatNumber().isEmpty()) party.addTaxID(p.companyNumber());
        return party;
    }

    /** Noon of the day where the library writes it: its dates are formatted in the machine's zone. */
    @SuppressWarnings("JavaUtilDate") // the library takes java.util.Date
    private static Date day(LocalDate day) {
        return Date.from(day.atTime(12, 0).atZone(ZoneId.systemDefault()).toInstant());
    }
}
