package app.atelier.invoice;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.statement.GetGeneratedKeys;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

@RegisterConstructorMapper(DocumentDao.Row.class)
interface DocumentDao {
    /** A document as stored: its parties, lines and mentions as JSON, read back by {@link Documents}. */
    record Row(long id, Document.Kind kind, String reference, Instant issuedAt, String dueOn, String seller, String buyer, String lines, String mentions,
               String currency, long net, long vat, long total, Long organisationId, Long memberId, long transactionId, Long creditsId) {
    }

    String SELECT = """
            SELECT id, kind, reference, issued_at, due_on, seller, buyer, lines, mentions, currency, net, vat, total, organisation_id, member_id,
                   transaction_id, credits_id FROM document""";

    /** The next number of a series, taken in the issuing transaction: the series' row stays locked until it ends. */
    @SqlQuery("""
            INSERT INTO document_series (series, last_number) VALUES (:series, 1)
            ON CONFLICT (series) DO UPDATE SET last_number = document_series.last_number + 1 RETURNING last_number""")
    long nextNumber(String series);

    @SqlUpdate("""
            INSERT INTO document (kind, series, number, reference, issued_at, due_on, seller, buyer, lines, mentions, currency, net, vat, total,
                                  organisation_id, member_id, transaction_id, credits_id)
            VALUES (:kind, :series, :number, :reference, :issuedAt, :dueOn, :seller, :buyer, :lines, :mentions, :currency, :net, :vat, :total,
                    :organisationId, :memberId, :transactionId, :creditsId)""")
    @GetGeneratedKeys("id")
    long insert(Document.Kind kind, String series, long number, String reference, Instant issuedAt, String dueOn, String seller, String buyer, String lines,
                String mentions, String currency, long net, long vat, long total, Long organisationId, Long memberId, long transactionId, Long creditsId);

    @SqlQuery(SELECT + " WHERE id = :id")
    Optional<Row> find(long id);

    @SqlQuery(SELECT + " WHERE transaction_id = :transactionId ORDER BY id")
    List<Row> ofTransaction(long transactionId);

    @SqlQuery(SELECT + " WHERE transaction_id = (SELECT t.id FROM ledger_transaction t WHERE t.idempotency_key = :key) ORDER BY id")
    List<Row> ofPayment(String key);

    /** The window every list reads through: issued in {@code [from, until)}, before the cursor's id, the newest first. */
    String WINDOW = " AND issued_at >= :from AND issued_at < :until AND id < :before ORDER BY id DESC LIMIT :limit";

    @SqlQuery(SELECT + " WHERE organisation_id = :organisationId" + WINDOW)
    List<Row> ofOrganisation(long organisationId, Instant from, Instant until, long before, int limit);

    @SqlQuery(SELECT + " WHERE member_id = :memberId" + WINDOW)
    List<Row> ofMember(long memberId, Instant from, Instant until, long before, int limit);

    @SqlQuery(SELECT + " WHERE 1 = 1" + WINDOW)
    List<Row> all(Instant from, Instant until, long before, int limit);
}
