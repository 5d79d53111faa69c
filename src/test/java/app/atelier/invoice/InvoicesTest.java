package app.atelier.invoice;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.atelier.Config;
import app.atelier.support.Browser;
import app.atelier.support.Site;
import app.atelier.support.TestClock;
import app.atelier.support.TestDatabase;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mustangproject.validator.ZUGFeRDValidator;

/**
 * Every payment leaves documents a French SME can book: the four worked examples of VAT, from the offer's figures to
 * the documents, through the running app; each invoice checked by Mustang's validator (EN 16931 and PDF/A-3).
 */
class InvoicesTest {
    @TempDir
    Path dir;

    private static final String[] MICRO_ENTREPRENEUR = {"kind", "BUSINESS", "regime", "FRANCHISE", "legalName", "Ana Ruiz EI", "street", "3 rue des Lilas",
        "postcode", "69003", "city", "Lyon", "country", "FR", "companyNumber", "123 456 782", "mandate", "yes"};
    private static final String[] FRENCH_COMPANY = {"kind", "BUSINESS", "regime", "REGISTERED", "legalName", "Ruiz Design SARL", "street", "3 rue des Lilas",
        "postcode", "69003", "city", "Lyon", "country", "FR", "companyNumber", "404833048", "vatNumber", "FR83404833048", "mandate", "yes"};
    private static final String[] BELGIAN_COMPANY = {"kind", "BUSINESS", "regime", "REGISTERED", "legalName", "Ruiz Studio SRL", "street", "Rue Haute 12",
        "postcode", "1000", "city", "Bruxelles", "country", "BE", "companyNumber", "0123456749", "vatNumber", "BE0123456749", "mandate", "yes"};

    /** Maison Vidal's open challenge, 1,000.00 in its wallet, and Ana's idea accepted and offered a price, not yet agreed. */
    private record Offered(Site site, Browser admin, Browser owner, Browser ana, long organisation, String offer) {
        void agreeAndDeliver() {
            var accepted = ana.post(offer + "/accept");
            assertEquals(302, accepted.code(), () -> accepted.body().string());
            assertEquals(302, ana.post(offer + "/deliver", "note", "Here it is").code());
        }

        void pay() {
            agreeAndDeliver();
            assertEquals(302, owner.post(offer + "/approve").code());
        }

        long balance(String kind, long owner) {
            return site.count("SELECT coalesce((SELECT balance FROM ledger_account WHERE kind = ? AND owner_id = ?), 0)", kind, owner);
        }

        long wallet() {
            return balance("WALLET", organisation);
        }
    }

    private void run(Site.Steps steps) {
        Site.run(TestDatabase.config(dir).withAdmins("admin@example.test"), new TestClock(Site.START), steps);
    }

    private static Offered offered(Site site, String price, String... payeeProfile) {
        var admin = site.admin();
        var scene = site.openChallenge("A lunch box for cyclists").withIdea("Ana Ruiz", "Insulated pannier");
        if (payeeProfile.length > 0) assertEquals(302, scene.author().post("/account/payee", payeeProfile).code());
        site.deposit(admin, scene.organisation(), "1,000");
        assertEquals(302, scene.owner().post("/contributions/" + scene.idea() + "/responses", "status", "ACCEPTED", "body", "We take it.").code());
        String offer = "/offers/" + Site.idFrom(scene.owner().post("/contributions/" + scene.idea() + "/offers", "price", price));
        return new Offered(site, admin, scene.owner(), scene.author(), scene.organisation(), offer);
    }

    /** One issued document as the database holds it; receipts for deposits aside. */
    private record Issued(long id, String kind, String reference, long net, long vat, long total, String mentions) {
    }

    private static List<Issued> issued(Site site) {
        var rows = site.texts("SELECT id || '|' || kind || '|' || reference || '|' || net || '|' || vat || '|' || total || '|' || mentions FROM document WHERE kind <> 'RECEIPT' ORDER BY id");
        return rows.stream().map(r -> r.split("\\|", 7)).map(f -> new Issued(Long.parseLong(f[0]), f[1], f[2], Long.parseLong(f[3]), Long.parseLong(f[4]),
                Long.parseLong(f[5]), f[6])).toList();
    }

    /** The invoice's Factur-X, downloaded by one of its parties, passes Mustang's validator: EN 16931 and PDF/A-3. */
    private static void valid(Browser party, Issued invoice) {
        var pdf = party.download("/documents/" + invoice.id() + "/pdf");
        assertEquals(200, pdf.statusCode());
        assertEquals("application/pdf", pdf.headers().firstValue("Content-Type").orElse(""));
        var validator = new ZUGFeRDValidator();
        String report = validator.validate(pdf.body(), invoice.reference() + ".pdf");
        assertTrue(validator.wasCompletelyValid(), report);
        var xml = party.download("/documents/" + invoice.id() + "/xml");
        assertEquals(200, xml.statusCode());
        assertTrue(new String(xml.body(), StandardCharsets.UTF_8).contains(invoice.reference()));
    }

    @Test
    void aMicroEntrepreneurUnderTheFranchiseIsPaidTheOfferLessTheFeeAndItsVat() {
        run(site -> {
            var o = offered(site, "100", MICRO_ENTREPRENEUR);
            String before = o.ana().page(o.offer());
            assertTrue(before.contains("€100.00") && before.contains("€15.00") && before.contains("VAT on the fee (20 %)") && before.contains("€3.00")
                    && before.contains("€82.00") && before.contains("art. 293 B du CGI"), before);
            o.pay();
            assertEquals(900_00, o.wallet(), "the organisation pays 100.00");
            assertEquals(82_00, o.balance("EARNINGS", o.ana().memberId));
            assertEquals(15_00, o.balance("REVENUE", 0));
            assertEquals(3_00, o.balance("TAX", 0));
            var documents = issued(site);
            assertEquals(2, documents.size());
            var selfBilled = documents.get(0);
            assertEquals("SELF_BILLED_INVOICE", selfBilled.kind());
            assertEquals(List.of(100_00L, 0L, 100_00L), List.of(selfBilled.net(), selfBilled.vat(), selfBilled.total()));
            assertTrue(selfBilled.reference().startsWith("AF" + o.ana().memberId + "-000001"), "numbered in her own series");
            assertTrue(selfBilled.mentions().contains("Autofacturation") && selfBilled.mentions().contains("TVA non applicable, art. 293 B du CGI"));
            var platform = documents.get(1);
            assertEquals("PLATFORM_INVOICE", platform.kind());
            assertEquals(List.of(15_00L, 3_00L, 18_00L), List.of(platform.net(), platform.vat(), platform.total()));
            assertEquals("ATD-F-000001", platform.reference());
            valid(o.owner(), selfBilled);
            valid(o.ana(), platform);
            var fec = o.admin().download("/admin/fec?year=2026");
            assertEquals(200, fec.statusCode());
            assertEquals("attachment; filename=\"900000001FEC20261231.txt\"", fec.headers().firstValue("Content-Disposition").orElse(""));
            String books = new String(fec.body(), StandardCharsets.UTF_8);
            assertTrue(books.startsWith("JournalCode\tJournalLib\tEcritureNum\tEcritureDate\tCompteNum"), books);
            assertTrue(books.contains("\t445710\tTVA collectée\t") && books.contains("\t3,00\t") && books.contains(selfBilled.reference()), books);
            assertEquals(6L, (long) site.withDatabase(db -> FecRules.check(db, Config.HOME_ZONE)),
                    "the deposit's 2 lines and the payment's 4 (the organisation's funds, her earnings, the fee, its VAT); the hold stays within the organisation's funds");
            assertEquals(400, o.admin().get("/admin/fec?year=soon").code());
            assertEquals(403, o.owner().get("/admin/fec?year=2026").code());
            String page = o.owner().page("/documents/" + selfBilled.id());
            assertTrue(page.contains("Ana Ruiz EI") && page.contains("123456782") && page.contains("Maison d"), page);
        });
    }

    @Test
    void aFrenchCompanyRegisteredForVatIsPaidThePricePlusVat() {
        run(site -> {
            var o = offered(site, "100", FRENCH_COMPANY);
            String before = o.owner().page(o.offer());
            assertTrue(before.contains("VAT on the price (20 %)") && before.contains("€120.00") && before.contains("€102.00"), "the figures before anyone commits");
            o.pay();
            assertEquals(880_00, o.wallet(), "the organisation pays 120.00");
            assertEquals(102_00, o.balance("EARNINGS", o.ana().memberId));
            var documents = issued(site);
            assertEquals(List.of(100_00L, 20_00L, 120_00L), List.of(documents.get(0).net(), documents.get(0).vat(), documents.get(0).total()));
            assertEquals(List.of(15_00L, 3_00L, 18_00L), List.of(documents.get(1).net(), documents.get(1).vat(), documents.get(1).total()));
            valid(o.ana(), documents.get(0));
        });
    }

    @Test
    void aBelgianCompanyIsInvoicedUnderReverseCharge() {
        run(site -> {
            var o = offered(site, "100", BELGIAN_COMPANY);
            o.pay();
            assertEquals(900_00, o.wallet(), "the organisation pays 100.00 and accounts for the VAT itself");
            assertEquals(85_00, o.balance("EARNINGS", o.ana().memberId));
            assertEquals(0, o.balance("TAX", 0));
            var documents = issued(site);
            assertEquals(List.of(100_00L, 0L), List.of(documents.get(0).net(), documents.get(0).vat()));
            assertTrue(documents.get(0).mentions().contains("Autoliquidation"));
            assertEquals(List.of(15_00L, 0L, 15_00L), List.of(documents.get(1).net(), documents.get(1).vat(), documents.get(1).total()));
            assertTrue(documents.get(1).mentions().contains("Autoliquidation"));
            valid(o.owner(), documents.get(0));
            valid(o.ana(), documents.get(1));
        });
    }

    @Test
    void aPrivateIndividualPaidAfterReflectionGetsAStatementAndTheFeeIsInvoiced() {
        run(site -> {
            var scene = site.openChallenge("A lighter pan");
            var ana = site.member("Ana Ruiz");
            site.deposit(site.admin(), scene.organisation(), "100");
            var posted = scene.owner().post("/challenges/" + scene.challenge() + "/tasks", "title", "Prototype test at home", "brief", "Two weeks",
                    "price", "", "reflect", "yes", "reflectionDays", "5", "suggestedLow", "20", "suggestedHigh", "80");
            assertEquals(302, posted.code(), () -> posted.body().string());
            long task = Site.idFrom(posted);
            assertEquals(302, ana.post("/tasks/" + task + "/apply", "pitch", "I cook every day").code());
            String offer = Site.location(scene.owner().post("/tasks/" + task + "/pick/" + ana.memberId));
            assertEquals(302, ana.post(offer + "/deliver", "note", "My notebook").code());
            assertEquals(302, scene.owner().post(offer + "/approve").code());
            assertEquals(302, scene.owner().post(offer + "/reflection", "amount", "40", "note", "Thank you").code());
            assertEquals(32_80, site.count("SELECT balance FROM ledger_account WHERE kind = 'EARNINGS' AND owner_id = ?", ana.memberId));
            var documents = issued(site);
            assertEquals("PAYMENT_STATEMENT", documents.get(0).kind());
            assertEquals(List.of(40_00L, 0L, 40_00L), List.of(documents.get(0).net(), documents.get(0).vat(), documents.get(0).total()));
            assertEquals(404, ana.get("/documents/" + documents.get(0).id() + "/pdf").code(), "a statement is no invoice");
            assertTrue(ana.page("/documents/" + documents.get(0).id()).contains("ce document n’est pas une facture"));
            assertEquals(List.of(6_00L, 1_20L, 7_20L), List.of(documents.get(1).net(), documents.get(1).vat(), documents.get(1).total()));
            valid(ana, documents.get(1));
        });
    }

    /** A session Maison Vidal booked with Sam, a French company, at 1.50 a minute after 10 free, ended after 12.5 minutes: 3 minutes billed. */
    private record EndedSession(Browser admin, Browser owner, Browser expert, long organisation, String path) {
        long wallet(Site site) {
            return site.count("SELECT balance FROM ledger_account WHERE kind = 'WALLET' AND owner_id = ?", organisation);
        }
    }

    private static EndedSession endedSession(Site site) {
        var admin = site.admin();
        var owner = site.member("Claire Vidal");
        long organisation = site.organisation(owner, "Maison Vidal");
        site.deposit(admin, organisation, "100");
        var expert = site.member("Sam Expert");
        assertEquals(302, expert.post("/account/payee", FRENCH_COMPANY).code());
        assertEquals(302, expert.post("/expert", "perMinute", "1.50", "freeMinutes", "10", "open", "yes").code());
        var s = new EndedSession(admin, owner, expert, organisation, "/sessions/" + Site.idFrom(owner.post("/members/" + expert.memberId + "/book", "bookingKey",
                Site.formKey(), "organisationId", String.valueOf(organisation), "day", "2026-03-03", "time", "14:00", "minutes", "30", "topic", "Review our lid")));
        assertEquals(64_00, s.wallet(site), "20 minutes beyond the free ones at 1.50, and 20 % VAT: 36.00 held");
        site.clock.advance(Duration.ofHours(28).plusMinutes(50));
        assertEquals(302, expert.post(s.path() + "/start").code());
        site.clock.advance(Duration.ofMinutes(12).plusSeconds(30));
        assertEquals(302, expert.post(s.path() + "/end").code());
        assertEquals(94_60, s.wallet(site), "3 minutes: 4.50 + 0.90 stay held");
        return s;
    }

    @Test
    void aSessionWithAFrenchCompanyHoldsItsVatAndIsInvoicedByTheMinuteAsItEnds() {
        run(site -> {
            var s = endedSession(site);
            var documents = issued(site);
            assertEquals(List.of("SELF_BILLED_INVOICE", "PLATFORM_INVOICE"), documents.stream().map(Issued::kind).toList(), "invoiced as it ends");
            assertEquals(List.of(4_50L, 90L, 5_40L), List.of(documents.get(0).net(), documents.get(0).vat(), documents.get(0).total()));
            assertTrue(site.text("SELECT lines FROM document WHERE id = ?", documents.get(0).id()).contains("\"quantity\":\"3\",\"unit\":\"MIN\",\"unitPrice\":150"));
            assertEquals("2026-03-06", site.text("SELECT due_on FROM document WHERE id = ?", documents.get(0).id()), "due when it is paid at the latest");
            assertEquals(302, s.owner().post(s.path() + "/confirm").code());
            assertEquals(4_60, site.count("SELECT balance FROM ledger_account WHERE kind = 'EARNINGS' AND owner_id = ?", s.expert().memberId),
                    "5.40 less the fee of 0.67 and its VAT of 0.13");
            assertEquals(documents, issued(site), "paid as billed: nothing more to issue");
            assertTrue(s.owner().page(s.path()).contains(documents.get(0).reference()), "the session's page links its documents");
            valid(s.owner(), documents.get(0));
        });
    }

    @Test
    void aDisputeSettledWithARefundCancelsTheInvoicesByCreditNotesAndInvoicesWhatIsLeft() {
        run(site -> {
            var s = endedSession(site);
            var billed = issued(site);
            assertEquals(302, s.owner().post(s.path() + "/dispute", "reason", "Only two minutes were of use").code());
            assertEquals(302, s.admin().post(s.path() + "/settle", "refund", "1.50").code());
            assertEquals(96_40, s.wallet(site), "1.50 and its VAT back: 3.00 + 0.60 paid");
            var documents = issued(site);
            assertEquals(List.of("SELF_BILLED_INVOICE", "PLATFORM_INVOICE", "CREDIT_NOTE", "CREDIT_NOTE", "SELF_BILLED_INVOICE", "PLATFORM_INVOICE"),
                    documents.stream().map(Issued::kind).toList());
            for (int i = 0; i < 2; i++) {
                var invoice = billed.get(i);
                var credit = documents.get(2 + i);
                assertEquals(List.of(invoice.net(), invoice.vat(), invoice.total()), List.of(credit.net(), credit.vat(), credit.total()), "cancels it whole");
                assertEquals(invoice.id(), site.count("SELECT credits_id FROM document WHERE id = ?", credit.id()));
                assertTrue(credit.mentions().contains("Avoir annulant la facture " + invoice.reference()), credit.mentions());
                assertEquals(invoice.reference().substring(0, invoice.reference().lastIndexOf('-')), credit.reference().substring(0, credit.reference().lastIndexOf('-')),
                        "numbered in its invoice's series");
            }
            assertEquals(List.of(3_00L, 60L, 3_60L), List.of(documents.get(4).net(), documents.get(4).vat(), documents.get(4).total()), "what is left, invoiced anew");
            assertEquals(List.of(45L, 9L, 54L), List.of(documents.get(5).net(), documents.get(5).vat(), documents.get(5).total()));
            assertEquals(100_00 - s.wallet(site), documents.get(0).total() - documents.get(2).total() + documents.get(4).total(),
                    "the organisation's invoices less its credit notes are what it paid");
            assertEquals(3_60 - 54, site.count("SELECT balance FROM ledger_account WHERE kind = 'EARNINGS' AND owner_id = ?", s.expert().memberId));
            String page = s.owner().page(s.path());
            assertTrue(page.contains(documents.get(2).reference()) && page.contains(documents.get(4).reference()), "the session's page links the credit note");
            assertTrue(s.owner().page("/documents/" + documents.get(2).id()).contains("Cancels invoice"));
            var xml = new String(s.owner().download("/documents/" + documents.get(2).id() + "/xml").body(), StandardCharsets.UTF_8);
            assertTrue(xml.contains("<ram:TypeCode>381</ram:TypeCode>") && xml.replaceAll(">\\s+<", "><").contains("<ram:InvoiceReferencedDocument><ram:IssuerAssignedID>"
                    + billed.get(0).reference() + "</ram:IssuerAssignedID>"), xml);
            String csv = s.owner().page("/organisations/" + s.organisation() + "/documents.csv");
            assertTrue(csv.contains("\"" + documents.get(2).reference() + "\",\"2026-03-03\",\"Credit note\",\"Ruiz Design SARL\"") && csv.contains(",-4.50,-0.90,-5.40,\"EUR\""),
                    "a credit note takes away from the accountant's purchases: " + csv);
            valid(s.owner(), documents.get(2));
            valid(s.expert(), documents.get(3));
        });
    }

    @Test
    void aPayeeContestsAnInvoiceIssuedInItsNameWithinThirtyDaysAndAnAdminCorrectsIt() {
        run(site -> {
            var o = offered(site, "100", MICRO_ENTREPRENEUR);
            o.pay();
            var invoice = issued(site).get(0);
            String path = "/documents/" + invoice.id();
            assertFalse(o.owner().page(path).contains(path + "/objection"), "only the payee may contest it");
            assertEquals(403, o.owner().post(path + "/objection", "reason", "Not ours").code());
            assertEquals(404, site.member("Sam Stone").post(path + "/objection", "reason", "Not mine").code());
            assertTrue(o.ana().page(path).contains(path + "/objection"));
            for (String reason : List.of("", " ", "x".repeat(2001))) {
                var refused = o.ana().post(path + "/objection", "reason", reason);
                assertEquals(422, refused.code(), reason);
                assertTrue(refused.body().string().contains("id=\"reason-error\""), "a message beside the field");
            }
            assertEquals(403, o.ana().postRaw(path + "/objection", "reason", "No token").code(), "a form without its token");
            assertEquals(403, o.ana().postRaw(path + "/objection", "reason", "Wrong token", "csrf", "not-the-token").code(), "or with another");
            assertEquals(0, site.count("SELECT count(*) FROM document_objection"), "nothing saved");
            assertEquals(302, o.ana().post(path + "/objection", "reason", "<script>alert(1)</script>My street is 5 rue des Lilas").code());
            assertTrue(o.ana().page(path).contains("&lt;script&gt;alert(1)&lt;/script&gt;My street"), "escaped");
            assertEquals(409, o.ana().post(path + "/objection", "reason", "Again").code(), "once");
            assertTrue(o.admin().page("/admin/documents").contains(invoice.reference()), "the admins find it waiting");

            assertEquals(403, o.ana().post(path + "/answer", "outcome", "CORRECTED", "answer", "Done").code(), "the payee does not answer");
            assertEquals(422, o.admin().post(path + "/answer", "outcome", "CORRECTED", "answer", "").code(), "an answer says why");
            assertEquals(400, o.admin().post(path + "/answer", "outcome", "DELETED", "answer", "Gone").code());
            var moved = MICRO_ENTREPRENEUR.clone();
            moved[7] = "5 rue des Lilas";
            assertEquals(302, o.ana().post("/account/payee", moved).code());
            assertEquals(302, o.admin().post(path + "/answer", "outcome", "CORRECTED", "answer", "Your new address is on the new invoice.").code());
            assertEquals(409, o.admin().post(path + "/answer", "outcome", "KEPT", "answer", "Changed my mind").code(), "answered once");

            var documents = issued(site);
            assertEquals(List.of("SELF_BILLED_INVOICE", "PLATFORM_INVOICE", "CREDIT_NOTE", "SELF_BILLED_INVOICE"), documents.stream().map(Issued::kind).toList());
            var credit = documents.get(2);
            var again = documents.get(3);
            assertEquals(List.of(100_00L, 0L, 100_00L), List.of(credit.net(), credit.vat(), credit.total()));
            assertEquals(List.of(100_00L, 0L, 100_00L), List.of(again.net(), again.vat(), again.total()), "the amounts stay as agreed");
            assertEquals("AF" + o.ana().memberId + "-000003", again.reference(), "the credit note and the new invoice follow in her series");
            assertTrue(site.text("SELECT seller FROM document WHERE id = ?", again.id()).contains("5 rue des Lilas"));
            assertTrue(site.text("SELECT seller FROM document WHERE id = ?", invoice.id()).contains("3 rue des Lilas"), "the first invoice is never changed");
            assertEquals(900_00, o.wallet(), "no money moved");
            String seen = o.ana().page(path);
            assertTrue(seen.contains("Invoice corrected") && seen.contains("Your new address"), seen);
            assertFalse(seen.contains(path + "/answer"));
            assertTrue(o.ana().page("/notifications").contains("Invoice corrected"), "she is told");
            valid(o.ana(), credit);
            valid(o.owner(), again);

            site.clock.advance(Objection.WINDOW.plusDays(1));
            site.signIn(o.ana());
            String later = "/documents/" + again.id();
            assertFalse(o.ana().page(later).contains(later + "/objection"), "thirty days on, the form is gone");
            assertEquals(409, o.ana().post(later + "/objection", "reason", "Too late").code());
        });
    }

    @Test
    void nobodyReadsAnotherPartysDocuments() {
        run(site -> {
            var o = offered(site, "100", FRENCH_COMPANY);
            var moderator = site.member("Mona Roy");
            site.staff(o.owner(), o.organisation(), moderator, "MODERATOR");
            o.pay();
            var documents = issued(site);
            long selfBilled = documents.get(0).id();
            long platform = documents.get(1).id();
            var stranger = site.member("Sam Stone");
            for (String path : List.of("/documents/" + selfBilled, "/documents/" + selfBilled + "/pdf", "/documents/" + platform + "/xml")) {
                assertEquals(404, stranger.get(path).code(), path);
            }
            assertEquals(404, o.owner().get("/documents/" + platform).code(), "the fee is invoiced to the payee, not to the organisation");
            String offerForOwner = o.owner().page(o.offer());
            assertTrue(offerForOwner.contains("The payment’s documents") && offerForOwner.contains(documents.get(0).reference())
                    && !offerForOwner.contains(documents.get(1).reference()), "the payment's page links each side to its own documents");
            assertTrue(o.ana().page(o.offer()).contains(documents.get(1).reference()));
            assertEquals(200, o.ana().get("/documents/" + platform).code());
            assertEquals(404, moderator.get("/documents/" + selfBilled).code(), "a moderator reads no invoices");
            assertEquals(403, moderator.get("/organisations/" + o.organisation() + "/documents").code());
            assertEquals(403, stranger.get("/organisations/" + o.organisation() + "/documents.csv").code());
            assertEquals(403, stranger.get("/admin/documents").code());
            assertEquals(302, site.visitor().get("/documents/" + selfBilled).code(), "sent to sign in");
            assertTrue(o.admin().page("/admin/documents").contains(documents.get(1).reference()));
            String mine = o.ana().page("/account/documents");
            assertTrue(mine.contains(documents.get(0).reference()) && mine.contains(documents.get(1).reference()));
            String theirs = o.owner().page("/organisations/" + o.organisation() + "/documents");
            assertTrue(theirs.contains(documents.get(0).reference()) && !theirs.contains(documents.get(1).reference()));
            assertTrue(theirs.contains("ATD-R-000001") && theirs.contains("Receipt") && !mine.contains("ATD-R-"), "the deposit's receipt, the organisation's alone");
            assertEquals(1, site.count("SELECT count(*) FROM document WHERE kind = 'RECEIPT' AND total = 100000"));
            String csv = o.owner().get("/organisations/" + o.organisation() + "/documents.csv").body().string();
            assertTrue(csv.contains(documents.get(0).reference()) && csv.contains("100.00,20.00,120.00"), csv);
            assertEquals(400, o.owner().get("/organisations/" + o.organisation() + "/documents?after=x").code());
            assertTrue(mine.contains("What you received, year by year") && mine.contains("€120.00") && mine.contains("€18.00"), "her year: 120.00 received, 18.00 of fees");
            var zip = o.owner().download("/organisations/" + o.organisation() + "/documents.zip?year=2026");
            assertEquals(200, zip.statusCode());
            var names = new ArrayList<String>();
            try (var entries = new ZipInputStream(new ByteArrayInputStream(zip.body()))) {
                for (var entry = entries.getNextEntry(); entry != null; entry = entries.getNextEntry()) names.add(entry.getName());
            }
            assertEquals(List.of("documents.csv", documents.get(0).reference() + ".pdf", documents.get(0).reference() + ".xml"), names,
                    "the list, and the invoice received as Factur-X and XML (the receipt is in the list)");
            assertTrue(new String(o.owner().download("/organisations/" + o.organisation() + "/documents.csv?year=2025").body(), StandardCharsets.UTF_8)
                    .lines().count() == 1, "nothing in 2025");
            assertEquals(400, o.owner().get("/organisations/" + o.organisation() + "/documents.zip?year=last").code());
        });
    }

    @Test
    void theProfileFormsRefuseBadNumbersAndSaveNothing() {
        run(site -> {
            var scene = site.openChallenge("A lighter pan");
            String billing = "/organisations/" + scene.organisation() + "/billing";
            for (String[] bad : new String[][] {{"companyNumber", "732829321", "check digit is wrong"}, {"vatNumber", "FR12732829320", "FR44732829320"},
                {"legalName", "", "Please fill this in."}, {"street", "Тверская улица 7", "Latin letters"}, {"country", "US", "European Union"},
                {"vatNumber", "DE12", "VAT number of that country"}, {"legalName", "x".repeat(201), "200"}}) {
                var refused = site.billing(scene.owner(), scene.organisation(), bad[0], bad[1]);
                assertEquals(422, refused.code(), bad[0] + " " + bad[1]);
                assertTrue(refused.body().string().contains(bad[2]), bad[2]);
            }
            assertEquals("Maison d'essai SAS", site.text("SELECT legal_name FROM billing_profile WHERE organisation_id = ?", scene.organisation()), "nothing saved");
            assertEquals(403, scene.owner().postRaw(billing, "legalName", "No token").code());
            var stranger = site.member("Sam Stone");
            assertEquals(403, site.billing(stranger, scene.organisation(), "legalName", "Taken over").code());
            assertEquals(403, stranger.get(billing).code());
            assertEquals(302, site.billing(scene.owner(), scene.organisation(), "legalName", "<script>alert(1)</script> SAS").code());
            String kept = scene.owner().page(billing);
            assertTrue(kept.contains("value=\"&lt;script>alert(1)&lt;/script> SAS\""), kept);

            var ana = site.member("Ana Ruiz");
            var form = new ArrayList<>(List.of(MICRO_ENTREPRENEUR));
            form.remove(form.size() - 1);
            form.remove(form.size() - 1);
            var noMandate = ana.post("/account/payee", form.toArray(String[]::new));
            assertEquals(422, noMandate.code());
            assertTrue(noMandate.body().string().contains("please accept the mandate"));
            var abroad = ana.post("/account/payee", "kind", "BUSINESS", "regime", "FRANCHISE", "legalName", "Ana", "street", "Rue Haute 12", "postcode", "1000",
                    "city", "Bruxelles", "country", "BE", "companyNumber", "0123456749", "mandate", "yes");
            assertEquals(422, abroad.code());
            assertTrue(abroad.body().string().contains("French scheme"));
            assertEquals(400, ana.post("/account/payee", "kind", "PIRATE", "legalName", "Ana", "street", "x", "postcode", "1", "city", "y", "country", "FR").code(), "a kind the form never offers");
            assertEquals(422, ana.post("/account/payee").code(), "an empty form");
            assertEquals(0, site.count("SELECT count(*) FROM payee_profile"), "nothing saved");
            assertEquals(302, ana.post("/account/payee", "kind", "PRIVATE", "legalName", "Ana Ruiz", "street", "3 rue des Lilas", "postcode", "69003",
                    "city", "Lyon", "country", "FR", "companyNumber", "123456782").code());
            assertEquals("", site.text("SELECT coalesce(company_number, '') FROM payee_profile"), "a private individual prints no company number");
        });
    }

    @Test
    void anOrganisationWithoutABillingProfileCommitsNoMoney() {
        run(site -> {
            var owner = site.member("Claire Vidal");
            site.verify(owner);
            long organisation = Site.idFrom(owner.post("/organisations", "name", "Maison Vidal", "description", "Pans."));
            long challenge = site.openChallenge(owner, organisation, "A lighter pan");
            var ana = site.member("Ana Ruiz");
            long idea = site.contribute(ana, challenge, "Hollow handle");
            assertEquals(302, owner.post("/contributions/" + idea + "/responses", "status", "ACCEPTED", "body", "Yes").code());
            var refused = owner.post("/contributions/" + idea + "/offers", "price", "100");
            assertEquals(409, refused.code());
            assertTrue(refused.body().string().contains("billing profile comes first"));
            assertEquals(409, owner.post("/challenges/" + challenge + "/tasks", "title", "Test", "brief", "Test", "price", "10").code());
            assertEquals(0, site.count("SELECT count(*) FROM market_offer"));
            long contest = site.challenge(owner, organisation, "A contest for a lid");
            assertEquals(302, owner.post("/challenges/" + contest + "/prizes", "prize1", "300").code());
            var opening = site.move(owner, contest, "OPEN");
            assertEquals(409, opening.code(), "a contest is funded as it opens");
            assertTrue(opening.body().string().contains("billing profile comes first"));
            assertEquals("DRAFT", site.text("SELECT state FROM challenge WHERE id = ?", contest));
        });
    }

    @Test
    void numbersStayWithoutGapsWhenThirtyPaymentsComeAtOnce() {
        run(site -> {
            var o = offered(site, "10", MICRO_ENTREPRENEUR);
            var offers = new ArrayList<>(List.of(o.offer()));
            for (int i = 1; i < 30; i++) {
                long idea = site.contribute(o.ana(), site.count("SELECT challenge_id FROM contribution LIMIT 1"), "Idea " + i);
                assertEquals(302, o.owner().post("/contributions/" + idea + "/responses", "status", "ACCEPTED", "body", "Yes").code());
                offers.add("/offers/" + Site.idFrom(o.owner().post("/contributions/" + idea + "/offers", "price", "10")));
            }
            for (String offer : offers) {
                assertEquals(302, o.ana().post(offer + "/accept").code());
                assertEquals(302, o.ana().post(offer + "/deliver", "note", "Done").code());
            }
            var pool = Executors.newFixedThreadPool(8);
            try {
                var answers = new ArrayList<Future<Integer>>();
                for (String offer : offers) answers.add(pool.submit(() -> o.owner().post(offer + "/approve").code()));
                for (var answer : answers) assertEquals(302, answer.get());
            } catch (Exception e) {
                throw new IllegalStateException(e);
            } finally {
                pool.shutdown();
            }
            for (String series : List.of("AF" + o.ana().memberId, "ATD-F")) {
                var numbers = site.texts("SELECT number FROM document WHERE series = ? ORDER BY number", series);
                assertEquals(30, numbers.size(), series);
                for (int i = 0; i < 30; i++) assertEquals(String.valueOf(i + 1), numbers.get(i), series + ": no gap, no double");
            }
            assertFalse(o.owner().page("/organisations/" + o.organisation() + "/documents").contains("000031"));
        });
    }
}
