package app.atelier.platformreport;

import java.time.Instant;
import java.util.Optional;
import java.util.stream.Stream;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

@RegisterConstructorMapper(SellerTax.class)
@RegisterConstructorMapper(PlatformReportDao.Paid.class)
interface PlatformReportDao {
    /**
     * One document of a payment to a member: what an organisation paid them (an invoice or statement, or a credit note
     * taking it back), or the platform's fee invoiced to them; and whether a credit note cancels it.
     */
    record Paid(long memberId, boolean feeToPayee, boolean creditNote, long total, Instant issuedAt, boolean cancelled) {
    }

    String PAID = """
            SELECT d.member_id, d.organisation_id IS NULL AS fee_to_payee, d.kind = 'CREDIT_NOTE' AS credit_note, d.total, d.issued_at,
                   EXISTS (SELECT 1 FROM document c WHERE c.credits_id = d.id) AS cancelled
            FROM document d WHERE d.issued_at >= :from AND d.issued_at < :until AND d.kind <> 'RECEIPT' AND d.member_id""";

    @SqlQuery(PAID + " IS NOT NULL")
    Stream<Paid> paid(Instant from, Instant until);

    @SqlQuery(PAID + " = :memberId")
    Stream<Paid> paidTo(long memberId, Instant from, Instant until);

    @SqlQuery("SELECT coalesce(birth_date, '') AS birth_date, tax_number, tax_country FROM seller_tax WHERE member_id = :memberId")
    Optional<SellerTax> tax(long memberId);

    @SqlUpdate("""
            INSERT INTO seller_tax (member_id, birth_date, tax_number, tax_country, updated_at) VALUES (:memberId, :birthDate, :t.taxNumber, :t.taxCountry, :now)
            ON CONFLICT (member_id) DO UPDATE SET birth_date = excluded.birth_date, tax_number = excluded.tax_number, tax_country = excluded.tax_country,
                                                  updated_at = excluded.updated_at""")
    void save(long memberId, String birthDate, @BindMethods("t") SellerTax tax, Instant now);
}
