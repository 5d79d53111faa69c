package app.atelier.invoice;

import app.atelier.fee.Fee;
import app.atelier.fee.VatCase;
import app.atelier.fee.VatTerms;
import app.atelier.notification.WebhookEvent;
import app.atelier.notification.WebhookOutbox;
import app.atelier.organisation.OrganisationAccess;
import app.atelier.web.HttpProblem;
import app.atelier.web.Viewer;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jdbi.v3.core.Handle;

/**
 * Issues the documents a payment leaves, inside the payment's own transaction: each takes the next number of its
 * issuer's series there, so a crash leaves neither a hole nor a double. Once written a document is never changed (the
 * database refuses it). Their words are French, as the law of the invoices they are; the pages show them in the
 * reader's language around them.
 */
public final class Documents {
    static final String SELF_BILLING = "Autofacturation : facture émise par Atelier au nom et pour le compte du fournisseur (mandat d’autofacturation)";
    static final String FRANCHISE = "TVA non applicable, art. 293 B du CGI";
    static final String REVERSE_CHARGE = "Autoliquidation";
    /** Terms agreed before the platform charged VAT on its fees stay as agreed: the fee's line says why it has none. */
    static final String AGREED_WITHOUT_VAT = "Commission convenue sans TVA, avant que la plateforme ne la facture";
    static final String STATEMENT = "Relevé de paiement : ce document n’est pas une facture.";
    static final String RECEIPT = "Reçu : fonds détenus pour le compte de l’organisation, hors du champ de la TVA ; ce document n’est pas une facture.";
    private static final ObjectMapper JSON = new ObjectMapper();
    static final DateTimeFormatter FRENCH_DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    private final Operator operator;
    private final Clock clock;
    private final WebhookOutbox webhooks;

    /** @param webhooks where an organisation's endpoints are told of its payments and documents */
    public Documents(Operator operator, Clock clock, WebhookOutbox webhooks) {
        this.operator = operator;
        this.clock = clock;
        this.webhooks = webhooks;
    }

    /** How much of what was sold, and at what unit price: one unit (C62) for a price, minutes (MIN) for a session. */
    public record Quantity(long count, String unit, long unitPrice) {
        public static Quantity one(long price) {
            return new Quantity(1, "C62", price);
        }

        public static Quantity minutes(long minutes, long perMinute) {
            return new Quantity(minutes, "MIN", perMinute);
        }
    }

    /**
     * A service an organisation pays a member, under terms agreed: what was done, how much of it, and its breakdown
     * (price, VAT, fee); {@code payment} is the key of the transfer that pays it.
     */
    public record Payment(long organisationId, long memberId, String description, String currency, Fee.Breakdown breakdown, String payment,
                          Quantity quantity) {
    }

    /**
     * The documents of a payment made now: the payee's side (a self-billed invoice for a business, a statement for a
     * private individual), and the platform's invoice for its fee to the payee, who bears it.
     */
    public void paid(Handle h, Payment p) {
        if (!p.breakdown().vat().vatCase().invoiced()) statement(h, p);
        invoices(h, p, today());
        made(h, p.organisationId(), p.memberId(), p.description(), p.breakdown().gross(), p.currency(), p.payment());
    }

    /** Tells the organisation's endpoints of a payment it made to a member. */
    private void made(Handle h, long organisationId, long memberId, String description, long amount, String currency, String payment) {
        webhooks.emit(h, organisationId, WebhookEvent.PAYMENT_MADE, "/organisations/" + organisationId + "/wallet", Map.of("payee", payee(h, memberId).legalName(),
                "description", description, "amount", amount, "currency", currency, "payment", payment), clock.instant());
    }

    /**
     * The invoices of a bill the payee is paid later, out of money already held ({@code due} at the latest): an
     * expert's session as it ends. What the payment then brings is {@link #settled}; a refund before it, {@link #corrected}.
     */
    public void billed(Handle h, Payment p, LocalDate due) {
        invoices(h, p, due);
        made(h, p.organisationId(), p.memberId(), p.description(), p.breakdown().gross(), p.currency(), p.payment());
    }

    /**
     * A billed payment paid as billed: a private individual's statement is left to issue. A bill from before invoices
     * were issued at its end gets all its documents now.
     */
    public void settled(Handle h, Payment p) {
        if (h.attach(DocumentDao.class).uncredited(p.payment()).isEmpty()) {
            paid(h, p);
        } else if (!p.breakdown().vat().vatCase().invoiced()) {
            statement(h, p);
        }
    }

    /**
     * A billed payment partly or wholly refunded before it was paid: a credit note cancels each of its invoices, under
     * the refund's key, and what is still paid ({@code rest}, nothing when its gross is zero) gets documents of its own.
     * A correction is a credit note and a new invoice: an issued invoice is never changed.
     */
    public void corrected(Handle h, String refund, Payment rest) {
        for (var row : h.attach(DocumentDao.class).uncredited(rest.payment())) credit(h, read(row), refund, "à la suite d’un remboursement");
        if (rest.breakdown().gross() > 0) paid(h, rest);
    }

    /**
     * An invoice issued in a payee's name, corrected at their objection: a credit note cancels it, and it is issued
     * again with its lines and mentions as agreed and both parties as their profiles now name them.
     */
    public void reissued(Handle h, Document invoice) {
        credit(h, invoice, invoice.payment(), "à la suite de la contestation du fournisseur");
        issue(h, invoice.kind(), series(invoice), payee(h, invoice.memberId()), organisation(h, invoice.organisationId()), invoice.lines(), invoice.mentions(),
                invoice.currency(), today(), invoice.payment(), invoice.organisationId(), invoice.memberId(), null);
    }

    /** A credit note cancelling the whole of an invoice, in its series, under the payment that brought it about. */
    private void credit(Handle h, Document invoice, String payment, String why) {
        var mentions = new ArrayList<>(List.of("Avoir annulant la facture " + invoice.reference() + " du " + FRENCH_DAY.format(day(invoice.issuedAt())) + ", " + why + "."));
        mentions.addAll(invoice.mentions());
        issue(h, Document.Kind.CREDIT_NOTE, series(invoice), invoice.seller(), invoice.buyer(), invoice.lines(), mentions, invoice.currency(), today(), payment,
                invoice.organisationId(), invoice.memberId(), invoice.id());
    }

    /** A payee's invoices and credit notes are numbered in their own series; the platform's in its. */
    private String series(Document invoice) {
        return invoice.kind() == Document.Kind.SELF_BILLED_INVOICE ? payeeSeries(invoice.memberId()) : operator.prefix() + "-F";
    }

    private static String payeeSeries(long memberId) {
        return "AF" + memberId;
    }

    private void statement(Handle h, Payment p) {
        issue(h, Document.Kind.PAYMENT_STATEMENT, operator.prefix() + "-RP", payee(h, p.memberId()), organisation(h, p.organisationId()), List.of(priced(p)),
                List.of(STATEMENT), p.currency(), today(), p.payment(), p.organisationId(), p.memberId(), null);
    }

    private void invoices(Handle h, Payment p, LocalDate due) {
        var payee = payee(h, p.memberId());
        var b = p.breakdown();
        var vatCase = b.vat().vatCase();
        if (vatCase.invoiced()) {
            var priced = priced(p);
            var mentions = new ArrayList<>(List.of(SELF_BILLING));
            if (priced.exemption() != null) mentions.add(priced.exemption());
            issue(h, Document.Kind.SELF_BILLED_INVOICE, payeeSeries(p.memberId()), payee, organisation(h, p.organisationId()), List.of(priced), mentions,
                    p.currency(), due, p.payment(), p.organisationId(), p.memberId(), null);
        }
        if (b.fee() == 0) return;
        String feeExemption = vatCase == VatCase.REVERSE_CHARGE ? REVERSE_CHARGE : operator.vatExempt() ? FRANCHISE : b.vat().feeVatBp() == 0 ? AGREED_WITHOUT_VAT : null;
        var fee = new Document.Line("Commission de la plateforme (" + b.percent().stripTrailingZeros().toPlainString().replace('.', ',') + " %) : "
                + p.description(), "1", "C62", b.fee(), b.fee(), b.vat().feeVatBp(), feeExemption == null ? "S" : vatCase == VatCase.REVERSE_CHARGE ? "AE" : "E", feeExemption);
        issue(h, Document.Kind.PLATFORM_INVOICE, operator.prefix() + "-F", operator.party(), payee, List.of(fee),
                feeExemption == null ? List.of() : List.of(feeExemption), p.currency(), due, p.payment(), null, p.memberId(), null);
    }

    /** The line of what the payee was paid for: the price, as many units as were sold, with its VAT on the payee's terms. */
    private static Document.Line priced(Payment p) {
        var vatCase = p.breakdown().vat().vatCase();
        var q = p.quantity();
        return new Document.Line(p.description(), Long.toString(q.count()), q.unit(), q.unitPrice(), p.breakdown().gross(), p.breakdown().vat().priceVatBp(),
                category(vatCase), exemption(vatCase));
    }

    /** A contest's prize or mention paid to a member from the pool: no fee is kept on it. */
    public record Prize(long organisationId, long memberId, String description, String currency, long amount, String payment) {
    }

    /** A payment statement for a prize, read by both sides: a prize is not an invoiced service. */
    public void prize(Handle h, Prize p) {
        var organisation = organisation(h, p.organisationId());
        var winner = payee(h, p.memberId());
        var line = new Document.Line(p.description(), "1", "C62", p.amount(), p.amount(), 0, "O", null);
        issue(h, Document.Kind.PAYMENT_STATEMENT, operator.prefix() + "-RP", winner, organisation, List.of(line), List.of(STATEMENT), p.currency(), today(), p.payment(),
                p.organisationId(), p.memberId(), null);
        made(h, p.organisationId(), p.memberId(), p.description(), p.amount(), p.currency(), p.payment());
    }

    /** Money an organisation deposited into its wallet, by a transfer under its reference. */
    public record Receipt(long organisationId, long amount, String currency, String reference, String payment) {
    }

    /** A receipt for a deposit, once: the same deposit recorded again (the same reference) leaves no second one. */
    public void received(Handle h, Receipt r) {
        if (!h.attach(DocumentDao.class).ofPayments(List.of(r.payment())).isEmpty()) return;
        var organisation = organisation(h, r.organisationId());
        var line = new Document.Line("Fonds reçus pour le compte de " + organisation.legalName() + " (virement " + r.reference() + ")", "1", "C62", r.amount(),
                r.amount(), 0, "O", null);
        issue(h, Document.Kind.RECEIPT, operator.prefix() + "-R", operator.party(), organisation, List.of(line), List.of(RECEIPT), r.currency(), today(), r.payment(),
                r.organisationId(), null, null);
    }

    /** The organisation as its billing profile names it, or by its name alone if it has none (an older organisation). */
    private static Party organisation(Handle h, long organisationId) {
        var billing = h.attach(BillingDao.class);
        return billing.billing(organisationId).orElseGet(() -> named(billing.organisationName(organisationId)));
    }

    /** The member as their payee profile names them, or by their name alone until they fill it in. */
    private static Party payee(Handle h, long memberId) {
        return BillingService.payee(h, memberId).map(PayeeProfile::party).orElseGet(() -> named(h.attach(BillingDao.class).memberName(memberId)));
    }

    private static Party named(String name) {
        return new Party(name, "", "", "", "FR", "", "");
    }

    private static String category(VatCase vatCase) {
        return switch (vatCase) {
            case PRIVATE -> "O";
            case FRANCHISE -> "E";
            case DOMESTIC -> "S";
            case REVERSE_CHARGE -> "AE";
        };
    }

    private static String exemption(VatCase vatCase) {
        return switch (vatCase) {
            case FRANCHISE -> FRANCHISE;
            case REVERSE_CHARGE -> REVERSE_CHARGE;
            default -> null;
        };
    }

    private void issue(Handle h, Document.Kind kind, String series, Party seller, Party buyer, List<Document.Line> lines, List<String> mentions, String currency,
                       LocalDate due, String payment, Long organisationId, Long memberId, Long credits) {
        var dao = h.attach(DocumentDao.class);
        long number = dao.nextNumber(series);
        long net = lines.stream().mapToLong(Document.Line::net).sum();
        long vat = lines.stream().mapToLong(l -> VatTerms.vat(l.net(), l.vatBp())).sum();
        String reference = String.format(Locale.ROOT, "%s-%06d", series, number);
        long id = dao.insert(kind, series, number, reference, clock.instant(), due.toString(), json(seller), json(buyer), json(lines), json(mentions), currency,
                net, vat, net + vat, organisationId, memberId, payment, credits);
        if (organisationId != null) {
            webhooks.emit(h, organisationId, WebhookEvent.DOCUMENT_ISSUED, "/documents/" + id, Map.of("id", id, "kind", kind.name(), "reference", reference,
                    "seller", seller.legalName(), "buyer", buyer.legalName(), "total", net + vat, "currency", currency), clock.instant());
        }
    }

    private LocalDate today() {
        return day(clock.instant());
    }

    private LocalDate day(Instant at) {
        return LocalDate.ofInstant(at, clock.getZone());
    }

    /** A document the viewer is a party to; any other is not found. */
    public static Document readable(Handle h, Viewer viewer, long id) {
        var document = h.attach(DocumentDao.class).find(id).map(Documents::read).orElseThrow(HttpProblem.NotFound::new);
        if (!party(h, viewer, document)) throw new HttpProblem.NotFound();
        return document;
    }

    /** Whether the viewer reads the document: a member their own, an organisation's owners and managers its, an admin any. */
    private static boolean party(Handle h, Viewer viewer, Document document) {
        if (viewer.admin() || (document.memberId() != null && viewer.is(document.memberId()))) return true;
        return document.organisationId() != null && OrganisationAccess.of(h, viewer, document.organisationId()).manages();
    }

    /** The documents of payments (named by their transfers' keys) that the viewer is a party to, for the page of what was paid. */
    public static List<Document> ofPayments(Handle h, Viewer viewer, String... payments) {
        return h.attach(DocumentDao.class).ofPayments(List.of(payments)).stream().map(Documents::read).filter(d -> party(h, viewer, d)).toList();
    }

    static Document read(DocumentDao.Row r) {
        try {
            return new Document(r.id(), r.kind(), r.reference(), r.issuedAt(), LocalDate.parse(r.dueOn()), JSON.readValue(r.seller(), Party.class),
                    JSON.readValue(r.buyer(), Party.class), JSON.readValue(r.lines(), new TypeReference<List<Document.Line>>() { }),
                    JSON.readValue(r.mentions(), new TypeReference<List<String>>() { }), r.currency(), r.net(), r.vat(), r.total(), r.organisationId(),
                    r.memberId(), r.payment(), r.creditsId() == null ? null : new Document.Credited(r.creditsId(), r.creditsReference(), r.creditsIssuedAt()));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("document " + r.id() + " cannot be read back", e);
        }
    }

    private static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
