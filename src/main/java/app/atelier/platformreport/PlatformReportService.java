package app.atelier.platformreport;

import app.atelier.bank.BankService;
import app.atelier.bank.PayeeAccount;
import app.atelier.db.Database;
import app.atelier.invoice.BillingService;
import app.atelier.invoice.DocumentService.Period;
import app.atelier.invoice.PayeeProfile;
import app.atelier.web.Csv;
import app.atelier.web.HttpProblem;
import app.atelier.web.Invalid;
import app.atelier.web.Text;
import app.atelier.web.Viewer;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.jdbi.v3.core.Handle;

/**
 * The yearly platform report (DAC7): every seller paid past {@link Tally#reportable() the line} in a year, who they are
 * and what they were paid each quarter, which the operator files with its tax office by 31 January. A seller past the
 * line gives what the report needs of them (their tax number, an individual's date of birth) before they are paid
 * again.
 */
public final class PlatformReportService {
    private final Database db;
    private final Clock clock;

    public PlatformReportService(Database db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    /** A seller as the report names them: their profiles as they read now, and their year. */
    public record Seller(long memberId, Optional<PayeeProfile> payee, Optional<SellerTax> tax, Optional<PayeeAccount> account, Tally tally) {
        /** What the report lacks of them, as message keys: their payee profile, their tax number, an individual's date of birth. */
        public List<String> missing() {
            if (payee.isEmpty()) return List.of("tax.missing.payee");
            var missing = new ArrayList<String>();
            if (tax.isEmpty()) missing.add("tax.missing.number");
            if (individual(payee) && tax.map(t -> t.birthDate().isEmpty()).orElse(true)) missing.add("tax.missing.birthDate");
            return missing;
        }
    }

    /** A year's report: the sellers it can name in full, and apart those whose information is missing. */
    public record Report(int year, List<Seller> ready, List<Seller> incomplete) {
    }

    /** The member's own page: their year so far, whether they crossed the line, and the form. */
    public record Own(Optional<PayeeProfile> payee, SellerTax form, Tally tally, boolean owed) {
        public boolean individual() {
            return PlatformReportService.individual(payee);
        }
    }

    private static boolean individual(Optional<PayeeProfile> payee) {
        return payee.map(p -> p.kind() == PayeeProfile.Kind.PRIVATE).orElse(true);
    }

    public Own own(Viewer viewer) {
        return db.read(h -> {
            var payee = BillingService.payee(h, viewer.id());
            var form = h.attach(PlatformReportDao.class).tax(viewer.id())
                    .orElseGet(() -> new SellerTax("", payee.map(p -> p.party().companyNumber()).orElse(""), payee.map(p -> p.party().country()).orElse("FR")));
            var year = Period.year(LocalDate.now(clock).getYear(), clock.getZone());
            return new Own(payee, form, tally(h, viewer.id(), year, clock.getZone()), owed(h, viewer.id(), clock));
        });
    }

    /** Keeps the member's tax details; an individual's date of birth with them, a business's alone. */
    public void save(Viewer viewer, SellerTax typed) {
        db.execute(h -> {
            var payee = BillingService.payee(h, viewer.id()).orElseThrow(() -> new HttpProblem.Conflict("tax.payeeFirst"));
            boolean individual = payee.kind() == PayeeProfile.Kind.PRIVATE;
            Invalid.unless(typed.errors(individual, LocalDate.now(clock)));
            h.attach(PlatformReportDao.class).save(viewer.id(), individual ? typed.birthDay().toString() : null, typed, clock.instant());
        });
    }

    /**
     * Whether a seller past the line this year or the last, whose report is still to be filed, has not given what it
     * needs of them: until they do, they are not paid.
     */
    public static boolean owed(Handle h, long memberId, Clock clock) {
        int year = LocalDate.now(clock).getYear();
        boolean crossed = IntStream.of(year, year - 1).anyMatch(y -> tally(h, memberId, Period.year(y, clock.getZone()), clock.getZone()).reportable());
        return crossed && !seller(h, memberId, Tally.NONE).missing().isEmpty();
    }

    public Report report(Viewer admin, int year) {
        if (!admin.admin()) throw new HttpProblem.Forbidden();
        var period = Period.year(year, clock.getZone());
        return db.read(h -> {
            Map<Long, Tally> tallies;
            try (Stream<PlatformReportDao.Paid> paid = h.attach(PlatformReportDao.class).paid(period.from(), period.until())) {
                tallies = tallies(paid, clock.getZone());
            }
            var ready = new ArrayList<Seller>();
            var incomplete = new ArrayList<Seller>();
            tallies.forEach((memberId, tally) -> {
                if (!tally.reportable()) return;
                var seller = seller(h, memberId, tally);
                (seller.missing().isEmpty() ? ready : incomplete).add(seller);
            });
            return new Report(year, ready, incomplete);
        });
    }

    /**
     * The report as CSV, one row a seller, those ready first: their identity, their account, and for each quarter the
     * operations, the amount paid and the fees kept; then what is missing.
     */
    public String csv(Viewer admin, int year, Text text) {
        var report = report(admin, year);
        var out = new StringWriter();
        var header = new ArrayList<Object>(List.of("year", "member", "kind", "name", "street", "postcode", "city", "country", "birth_date", "tax_number",
                "tax_country", "company_number", "vat_number", "iban", "account_holder"));
        for (int q = 1; q <= 4; q++) header.addAll(List.of("q" + q + "_operations", "q" + q + "_paid", "q" + q + "_fees"));
        header.addAll(List.of("operations", "paid", "fees", "currency", "missing"));
        var csv = new Csv(out).row(header.toArray());
        for (var seller : Stream.concat(report.ready().stream(), report.incomplete().stream()).toList()) {
            var row = new ArrayList<Object>();
            var party = seller.payee().map(PayeeProfile::party);
            var tax = seller.tax();
            row.addAll(List.of(year, seller.memberId(), seller.payee().map(p -> p.kind().name()).orElse(""), party.map(p -> p.legalName()).orElse(""),
                    party.map(p -> p.street()).orElse(""), party.map(p -> p.postcode()).orElse(""), party.map(p -> p.city()).orElse(""),
                    party.map(p -> p.country()).orElse(""), tax.map(SellerTax::birthDate).orElse(""), tax.map(SellerTax::taxNumber).orElse(""),
                    tax.map(SellerTax::taxCountry).orElse(""), party.map(p -> p.companyNumber()).orElse(""), party.map(p -> p.vatNumber()).orElse(""),
                    seller.account().map(a -> a.account().iban()).orElse(""), seller.account().map(a -> a.account().holder()).orElse("")));
            for (var q : seller.tally().quarters()) row.addAll(List.of(q.operations(), euros(q.paid()), euros(q.fees())));
            var sum = seller.tally().year();
            row.addAll(List.of(sum.operations(), euros(sum.paid()), euros(sum.fees()), "EUR",
                    String.join("; ", seller.missing().stream().map(text::t).toList())));
            csv.row(row.toArray());
        }
        return out.toString();
    }

    private static BigDecimal euros(long cents) {
        return BigDecimal.valueOf(cents, 2);
    }

    private static Tally tally(Handle h, long memberId, Period period, ZoneId zone) {
        try (var paid = h.attach(PlatformReportDao.class).paidTo(memberId, period.from(), period.until())) {
            return tallies(paid, zone).getOrDefault(memberId, Tally.NONE);
        }
    }

    /**
     * Each seller's year from the documents of their payments: an invoice or a statement no credit note cancelled is
     * one operation; what they bring counts in the quarter they were issued, a credit note taking it back in its own,
     * and the fees invoiced to the seller are kept from what they were paid.
     */
    static Map<Long, Tally> tallies(Stream<PlatformReportDao.Paid> paid, ZoneId zone) {
        var tallies = new TreeMap<Long, Tally>();
        paid.forEach(p -> {
            int quarter = (p.issuedAt().atZone(zone).getMonthValue() - 1) / 3;
            long amount = p.creditNote() ? -p.total() : p.total();
            var more = p.feeToPayee() ? new Tally.Quarter(0, -amount, amount) : new Tally.Quarter(p.creditNote() || p.cancelled() ? 0 : 1, amount, 0);
            tallies.merge(p.memberId(), Tally.NONE.plus(quarter, more), (a, b) -> a.plus(quarter, more));
        });
        return tallies;
    }

    private static Seller seller(Handle h, long memberId, Tally tally) {
        return new Seller(memberId, BillingService.payee(h, memberId), h.attach(PlatformReportDao.class).tax(memberId), BankService.payee(h, memberId), tally);
    }
}
