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

    @Test
    void aSessionWithAFrenchCompanyHoldsItsVatAndIsInvoicedByTheMinute() {
        run(site -> {
            var owner = site.member("Claire Vidal");
            long organisation = site.organisation(owner, "Maison Vidal");
            site.deposit(site.admin(), organisation, "100");
            var expert = site.member("Sam Expert");
            assertEquals(302, expert.post("/account/payee", FRENCH_COMPANY).code());
            assertEquals(302, expert.post("/expert", "perMinute", "1.50", "freeMinutes", "10", "open", "yes").code());
            long session = Site.idFrom(owner.post("/members/" + expert.memberId + "/book", "bookingKey", Site.formKey(), "organisationId",
                    String.valueOf(organisation), "day", "2026-03-03", "time", "14:00", "minutes", "30", "topic", "Review our lid"));
            assertEquals(64_00, site.count("SELECT balance FROM ledger_account WHERE kind = 'WALLET' AND owner_id = ?", organisation),
                    "20 minutes beyond the free ones at 1.50, and 20 % VAT: 36.00 held");
            site.clock.advance(Duration.ofHours(28).plusMinutes(50));
            assertEquals(302, expert.post("/sessions/" + session + "/start").code());
            site.clock.advance(Duration.ofMinutes(12).plusSeconds(30));
            assertEquals(302, expert.post("/sessions/" + session + "/end").code());
            assertEquals(302, owner.post("/sessions/" + session + "/confirm").code());
            assertEquals(94_60, site.count("SELECT balance FROM ledger_account WHERE kind = 'WALLET' AND owner_id = ?", organisation), "3 minutes: 4.50 + 0.90");
            assertEquals(4_60, site.count("SELECT balance FROM ledger_account WHERE kind = 'EARNINGS' AND owner_id = ?", expert.memberId),
                    "5.40 less the fee of 0.67 and its VAT of 0.13");
            var documents = issued(site);
            assertEquals(List.of(4_50L, 90L, 5_40L), List.of(documents.get(0).net(), documents.get(0).vat(), documents.get(0).total()));
            assertTrue(site.text("SELECT lines FROM document WHERE id = ?", documents.get(0).id()).contains("\"quantity\":\"3\",\"unit\":\"MIN\",\"unitPrice\":150"));
            assertTrue(owner.page("/sessions/" + session).contains(documents.get(0).reference()), "the session's page links its documents");
            valid(owner, documents.get(0));
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
