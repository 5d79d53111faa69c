package app.atelier.invoice;

import static org.junit.jupiter.api.Assertions.assertTrue;

import app.atelier.db.Database;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import org.mustangproject.validator.ZUGFeRDValidator;

/**
 * Every invoice and credit note a test issued passes Mustang's validator on its EN 16931 XML, the Schematron rules
 * included. Laying each out as a PDF too would add seconds a document to every test that pays someone: the PDF/A-3
 * around the XML is checked where a test downloads it, the invoices' own tests.
 */
public final class IssuedInvoices {
    private IssuedInvoices() {
    }

    public static void check(Database db, Path folder, ZoneId zone) {
        var issued = db.read(h -> h.attach(DocumentDao.class).all(Instant.EPOCH, Instant.parse("9999-01-01T00:00:00Z"), Long.MAX_VALUE, 10_000))
                .stream().map(Documents::read).filter(Document::invoice).toList();
        var facturX = new FacturX(folder, zone);
        for (var document : issued) {
            var validator = new ZUGFeRDValidator();
            String report = validator.validate(facturX.xml(document), document.reference() + ".xml");
            assertTrue(validator.wasCompletelyValid(), report);
        }
    }
}
