package app.atelier.invoice;

import app.atelier.db.Database;
import app.atelier.ledger.AccountKind;
import app.atelier.ledger.Event;
import app.atelier.web.HttpProblem;
import app.atelier.web.Text;
import app.atelier.web.Viewer;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.mapper.reflect.ConstructorMapper;

/**
 * The platform's own books for a year as a FEC (Fichier des Écritures Comptables, art. A47 A-1 du LPF): one entry per
 * ledger transaction, in a journal by the kind of operation, each ledger account mapped to an account of the French
 * chart (the bank, client funds held, sums owed to contributors, fee revenue, VAT collected), organisations and
 * members as auxiliary accounts. Postings sum to zero, so every entry balances.
 */
public final class Fec {
    /** The eighteen columns, in the order the law gives them. */
    static final List<String> COLUMNS = List.of("JournalCode", "JournalLib", "EcritureNum", "EcritureDate", "CompteNum", "CompteLib", "CompAuxNum",
            "CompAuxLib", "PieceRef", "PieceDate", "EcritureLib", "Debit", "Credit", "EcritureLet", "DateLet", "ValidDate", "Montantdevise", "Idevise");
    private static final DateTimeFormatter DAY = DateTimeFormatter.BASIC_ISO_DATE;

    /** A journal: its code and its name. */
    record Journal(String code, String name) {
        static Journal of(Event event) {
            return switch (event) {
                case DEPOSIT -> new Journal("DEP", "Dépôts des organisations");
                case PAYOUT, PAYOUT_RETURNED -> new Journal("VIR", "Virements aux contributeurs");
                case POOL_HELD, PRICE_HELD, HOLD_SET_APART, SESSION_HELD -> new Journal("ENG", "Engagements réservés");
                case POOL_RETURNED, PRICE_RETURNED, SESSION_RELEASED, SESSION_REFUNDED -> new Journal("LIB", "Engagements libérés");
                case PRIZES, PRICE_PAID, PAID_AFTER_REFLECTION, ROYALTY, SESSION_PAID -> new Journal("PAI", "Paiements et commissions");
                case OTHER -> new Journal("OD", "Opérations diverses");
            };
        }
    }

    /** An account of the chart: its number and its name. */
    record ChartAccount(String number, String name) {
        static ChartAccount of(AccountKind kind) {
            return switch (kind) {
                case WORLD -> new ChartAccount("512000", "Banque");
                case WALLET, ESCROW, OFFER, HOLD -> new ChartAccount("467100", "Fonds détenus pour le compte des organisations");
                case EARNINGS -> new ChartAccount("467200", "Sommes dues aux contributeurs");
                case REVENUE -> new ChartAccount("706000", "Commissions de la plateforme");
                case TAX -> new ChartAccount("445710", "TVA collectée");
            };
        }
    }

    /** One posting, with what the file needs of its transaction and of whose account it is. */
    public record Posting(long transactionId, Event event, String subject, Instant createdAt, AccountKind kind, Long organisationId, Long memberId,
                          String party, long amount, String piece) {
    }

    private static final String POSTINGS = """
            SELECT t.id AS transaction_id, t.event, t.description AS subject, t.created_at, a.kind,
                   CASE WHEN a.kind = 'WALLET' THEN a.owner_id WHEN a.kind IN ('ESCROW', 'OFFER', 'HOLD') THEN a.held_for END AS organisation_id,
                   CASE WHEN a.kind = 'EARNINGS' THEN a.owner_id END AS member_id,
                   coalesce(o.name, m.name, '') AS party, p.amount,
                   (SELECT d.reference FROM document d WHERE d.payment = t.idempotency_key
                    AND NOT EXISTS (SELECT 1 FROM document n WHERE n.credits_id = d.id) ORDER BY d.id LIMIT 1) AS piece
            FROM ledger_posting p JOIN ledger_transaction t ON t.id = p.transaction_id JOIN ledger_account a ON a.id = p.account_id
            LEFT JOIN organisation o ON o.id = CASE WHEN a.kind = 'WALLET' THEN a.owner_id WHEN a.kind IN ('ESCROW', 'OFFER', 'HOLD') THEN a.held_for END
            LEFT JOIN member m ON a.kind = 'EARNINGS' AND m.id = a.owner_id
            WHERE t.created_at >= :from AND t.created_at < :until AND a.currency = 'EUR'
            ORDER BY t.created_at, t.id, p.id""";

    private final Database db;
    private final Operator operator;
    private final ZoneId zone;

    public Fec(Database db, Operator operator, ZoneId zone) {
        this.db = db;
        this.operator = operator;
        this.zone = zone;
    }

    /** The file's name: the operator's SIREN, FEC, and the year's closing day. */
    public String filename(int year) {
        return operator.party().companyNumber() + "FEC" + LocalDate.of(year, 12, 31).format(DAY) + ".txt";
    }

    /** The year's entries, for an admin: a header line, then one line per account an entry moves, tab-separated. */
    public String year(Viewer admin, int year) {
        if (!admin.admin()) throw new HttpProblem.Forbidden();
        if (year < 2000 || year > 2999) throw new HttpProblem.BadRequest();
        return db.read(h -> lines(h, year));
    }

    String lines(Handle h, int year) {
        Instant from = LocalDate.of(year, 1, 1).atStartOfDay(zone).toInstant();
        Instant until = LocalDate.of(year + 1, 1, 1).atStartOfDay(zone).toInstant();
        var postings = h.createQuery(POSTINGS).bind("from", from).bind("until", until).registerRowMapper(ConstructorMapper.factory(Posting.class))
                .mapTo(Posting.class).list();
        var text = Text.of(Locale.FRENCH, zone);
        var out = new StringBuilder(String.join("\t", COLUMNS)).append("\r\n");
        var byTransaction = postings.stream().collect(Collectors.groupingBy(Posting::transactionId, LinkedHashMap::new, Collectors.toList()));
        var numbers = new LinkedHashMap<String, Integer>();
        for (var entry : byTransaction.values()) {
            var first = entry.get(0);
            var journal = Journal.of(first.event());
            int number = numbers.merge(journal.code(), 1, Integer::sum);
            String day = LocalDate.ofInstant(first.createdAt(), zone).format(DAY);
            String label = clean(text.t(first.event().key(), first.subject()));
            for (var line : grouped(entry)) {
                var account = ChartAccount.of(line.kind());
                out.append(String.join("\t", journal.code(), journal.name(), journal.code() + String.format(Locale.ROOT, "%06d", number), day, account.number(),
                        account.name(), auxiliary(line), line.organisationId() == null && line.memberId() == null ? "" : clean(line.party()),
                        first.piece() == null ? "T" + first.transactionId() : first.piece(), day, label, amount(line.amount() < 0 ? -line.amount() : 0),
                        amount(line.amount() > 0 ? line.amount() : 0), "", "", day, "", "")).append("\r\n");
            }
        }
        return out.toString();
    }

    /** The entry's postings, one line per account of the chart and auxiliary account, their amounts added up. */
    private static List<Posting> grouped(List<Posting> entry) {
        var lines = new LinkedHashMap<String, Posting>();
        for (var p : entry) {
            String key = ChartAccount.of(p.kind()).number() + "|" + auxiliary(p);
            lines.merge(key, p, (a, b) -> new Posting(a.transactionId(), a.event(), a.subject(), a.createdAt(), a.kind(), a.organisationId(), a.memberId(), a.party(),
                    a.amount() + b.amount(), a.piece()));
        }
        var kept = new ArrayList<Posting>();
        lines.values().stream().filter(p -> p.amount() != 0).forEach(kept::add);
        return kept;
    }

    private static String auxiliary(Posting p) {
        if (p.organisationId() != null) return "ORG" + p.organisationId();
        if (p.memberId() != null) return "MBR" + p.memberId();
        return "";
    }

    /** An amount in euros with a comma, as the administration reads them. */
    static String amount(long cents) {
        return BigDecimal.valueOf(cents, 2).toPlainString().replace('.', ',');
    }

    /** Text without the tabs and line breaks that separate the file's fields and lines. */
    private static String clean(String text) {
        return text.replaceAll("[\\t\\r\\n]+", " ").strip();
    }

    /** Per account of the chart and auxiliary account, what the file's lines add up to (credit less debit), in cents. */
    static Map<String, Long> sums(String fec) {
        var sums = new LinkedHashMap<String, Long>();
        fec.lines().skip(1).map(line -> line.split("\t", -1)).forEach(f -> sums.merge(f[4] + "|" + f[6],
                parse(f[12]) - parse(f[11]), Long::sum));
        return sums;
    }

    static long parse(String amount) {
        return new BigDecimal(amount.replace(',', '.')).movePointRight(2).longValueExact();
    }
}
