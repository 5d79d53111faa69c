package app.atelier.invoice;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.BindList;
import org.jdbi.v3.sqlobject.statement.GetGeneratedKeys;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

@RegisterConstructorMapper(DocumentDao.Row.class)
@RegisterConstructorMapper(Objection.class)
interface DocumentDao {
    /** A document as stored: its parties, lines and mentions as JSON, read back by {@link Documents}. */
    record Row(long id, Document.Kind kind, String reference, Instant issuedAt, String dueOn, String seller, String buyer, String lines, String mentions,
               String currency, long net, long vat, long total, Long organisationId, Long memberId, String payment, Long creditsId,
               String creditsReference, Instant creditsIssuedAt) {
    }

    String SELECT = """
            SELECT d.id, d.kind, d.reference, d.issued_at, d.due_on, d.seller, d.buyer, d.lines, d.mentions, d.currency, d.net, d.vat, d.total,
                   d.organisation_id, d.member_id, d.payment, d.credits_id, c.reference AS credits_reference, c.issued_at AS credits_issued_at
            FROM document d LEFT JOIN document c ON c.id = d.credits_id""";

    /** The next number of a series, taken in the issuing transaction: the series' row stays locked until it ends. */
    @SqlQuery("""
            INSERT INTO document_series (series, last_number) VALUES (:series, 1)
            ON CONFLICT (series) DO UPDATE SET last_number = document_series.last_number + 1 RETURNING last_number""")
    long nextNumber(String series);

    @SqlUpdate("""
            INSERT INTO document (kind, series, number, reference, issued_at, due_on, seller, buyer, lines, mentions, currency, net, vat, total,
                                  organisation_id, member_id, payment, credits_id)
            VALUES (:kind, :series, :number, :reference, :issuedAt, :dueOn, :seller, :buyer, :lines, :mentions, :currency, :net, :vat, :total,
                    :organisationId, :memberId, :payment, :creditsId)""")
    @GetGeneratedKeys("id")
    long insert(Document.Kind kind, String series, long number, String reference, Instant issuedAt, String dueOn, String seller, String buyer, String lines,
                String mentions, String currency, long net, long vat, long total, Long organisationId, Long memberId, String payment, Long creditsId);

    @SqlQuery(SELECT + " WHERE d.id = :id")
    Optional<Row> find(long id);

    @SqlQuery(SELECT + " WHERE d.payment IN (<payments>) ORDER BY d.id")
    List<Row> ofPayments(@BindList("payments") List<String> payments);

    /** The invoices of a payment no credit note has cancelled yet. */
    @SqlQuery(SELECT + " WHERE d.payment = :payment AND d.kind IN ('SELF_BILLED_INVOICE', 'PLATFORM_INVOICE') "
            + "AND NOT EXISTS (SELECT 1 FROM document n WHERE n.credits_id = d.id) ORDER BY d.id")
    List<Row> uncredited(String payment);

    /** The window every list reads through: issued in {@code [from, until)}, before the cursor's id, the newest first. */
    String WINDOW = " AND d.issued_at >= :from AND d.issued_at < :until AND d.id < :before ORDER BY d.id DESC LIMIT :limit";

    @SqlQuery(SELECT + " WHERE d.organisation_id = :organisationId" + WINDOW)
    List<Row> ofOrganisation(long organisationId, Instant from, Instant until, long before, int limit);

    @SqlQuery(SELECT + " WHERE d.member_id = :memberId" + WINDOW)
    List<Row> ofMember(long memberId, Instant from, Instant until, long before, int limit);

    @SqlQuery("""
            SELECT reason, objected_at, outcome, answer, answered_at FROM document_objection WHERE document_id = :documentId""")
    Optional<Objection> objection(long documentId);

    /** Records an objection, once: a second one to the same invoice changes nothing. */
    @SqlUpdate("""
            INSERT INTO document_objection (document_id, member_id, reason, objected_at) VALUES (:documentId, :memberId, :reason, :now)
            ON CONFLICT (document_id) DO NOTHING""")
    int object(long documentId, long memberId, String reason, Instant now);

    @SqlUpdate("""
            UPDATE document_objection SET outcome = :outcome, answer = :answer, answered_by = :by, answered_at = :now
            WHERE document_id = :documentId AND outcome IS NULL""")
    int answer(long documentId, Objection.Outcome outcome, String answer, long by, Instant now);

    /** The invoices whose objection waits for an answer, the oldest first. */
    @SqlQuery(SELECT + " JOIN document_objection o ON o.document_id = d.id WHERE o.outcome IS NULL ORDER BY o.objected_at LIMIT :limit")
    List<Row> objected(int limit);

    @SqlQuery(SELECT + " WHERE 1 = 1" + WINDOW)
    List<Row> all(Instant from, Instant until, long before, int limit);
}
