package app.atelier.invoice;

import java.time.Instant;
import java.util.Optional;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** The billing profiles of organisations and the payee profiles of members. */
@RegisterConstructorMapper(Party.class)
@RegisterConstructorMapper(BillingDao.PayeeRow.class)
interface BillingDao {
    String PARTY = "legal_name, street, postcode, city, country, coalesce(company_number, '') AS company_number, coalesce(vat_number, '') AS vat_number";

    @SqlQuery("SELECT " + PARTY + " FROM billing_profile WHERE organisation_id = :organisationId")
    Optional<Party> billing(long organisationId);

    @SqlUpdate("""
            INSERT INTO billing_profile (organisation_id, legal_name, street, postcode, city, country, company_number, vat_number, updated_by, updated_at)
            VALUES (:organisationId, :p.legalName, :p.street, :p.postcode, :p.city, :p.country, nullif(:p.companyNumber, ''), nullif(:p.vatNumber, ''), :by, :now)
            ON CONFLICT (organisation_id) DO UPDATE SET legal_name = excluded.legal_name, street = excluded.street, postcode = excluded.postcode,
                city = excluded.city, country = excluded.country, company_number = excluded.company_number, vat_number = excluded.vat_number,
                updated_by = excluded.updated_by, updated_at = excluded.updated_at""")
    void saveBilling(long organisationId, @BindMethods("p") Party party, long by, Instant now);

    @SqlQuery("SELECT kind, vat_regime, mandate_accepted_at, " + PARTY + " FROM payee_profile WHERE member_id = :memberId")
    Optional<PayeeRow> payee(long memberId);

    record PayeeRow(PayeeProfile.Kind kind, PayeeProfile.Regime vatRegime, Instant mandateAcceptedAt, String legalName, String street, String postcode,
                    String city, String country, String companyNumber, String vatNumber) {
        PayeeProfile profile(long memberId) {
            return new PayeeProfile(memberId, kind, vatRegime, new Party(legalName, street, postcode, city, country, companyNumber, vatNumber), mandateAcceptedAt);
        }
    }

    @SqlUpdate("""
            INSERT INTO payee_profile (member_id, kind, vat_regime, legal_name, street, postcode, city, country, company_number, vat_number,
                                       mandate_accepted_at, updated_at)
            VALUES (:memberId, :kind, :regime, :p.legalName, :p.street, :p.postcode, :p.city, :p.country, nullif(:p.companyNumber, ''),
                    nullif(:p.vatNumber, ''), :mandate, :now)
            ON CONFLICT (member_id) DO UPDATE SET kind = excluded.kind, vat_regime = excluded.vat_regime, legal_name = excluded.legal_name,
                street = excluded.street, postcode = excluded.postcode, city = excluded.city, country = excluded.country,
                company_number = excluded.company_number, vat_number = excluded.vat_number,
                mandate_accepted_at = coalesce(payee_profile.mandate_accepted_at, excluded.mandate_accepted_at), updated_at = excluded.updated_at""")
    void savePayee(long memberId, PayeeProfile.Kind kind, PayeeProfile.Regime regime, @BindMethods("p") Party party, Instant mandate, Instant now);

    @SqlQuery("SELECT name FROM organisation WHERE id = :id")
    String organisationName(long id);

    @SqlQuery("SELECT name FROM member WHERE id = :id")
    String memberName(long id);

    @SqlUpdate("INSERT INTO platform_setting (name, value) VALUES ('operator_vat_exempt', :exempt) ON CONFLICT (name) DO UPDATE SET value = excluded.value")
    void operatorExempt(int exempt);
}
