package app.atelier.account;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

@RegisterConstructorMapper(CompanySignInDao.Provider.class)
@RegisterConstructorMapper(CompanySignInDao.Attempt.class)
interface CompanySignInDao {
    /** An organisation's provider, with its endpoints as discovered and its domains written ",a,b,". */
    record Provider(long organisationId, String issuer, String clientId, String clientSecret, String domains, String authorizationEndpoint, String tokenEndpoint,
                    String jwksUri) {
        List<String> domainList() {
            return Arrays.stream(domains.split(",")).filter(d -> !d.isEmpty()).toList();
        }

        boolean vouchesFor(String email) {
            return domainList().contains(email.substring(email.lastIndexOf('@') + 1).toLowerCase(Locale.ROOT));
        }
    }

    String PROVIDER = "SELECT organisation_id, issuer, client_id, client_secret, domains, authorization_endpoint, token_endpoint, jwks_uri FROM company_sign_in ";

    @SqlQuery(PROVIDER + "WHERE organisation_id = :organisationId")
    Optional<Provider> find(long organisationId);

    @SqlQuery(PROVIDER + "WHERE domains LIKE :pattern")
    Optional<Provider> forDomain(String pattern);

    @SqlQuery("SELECT count(*) > 0 FROM company_sign_in WHERE domains LIKE :pattern AND organisation_id <> :organisationId")
    boolean claimedElsewhere(String pattern, long organisationId);

    @SqlUpdate("""
            INSERT INTO company_sign_in (organisation_id, issuer, client_id, client_secret, domains, authorization_endpoint, token_endpoint, jwks_uri, updated_by, updated_at)
            VALUES (:organisationId, :issuer, :clientId, :clientSecret, :domains, :authorizationEndpoint, :tokenEndpoint, :jwksUri, :by, :now)
            ON CONFLICT (organisation_id) DO UPDATE SET issuer = excluded.issuer, client_id = excluded.client_id, client_secret = excluded.client_secret,
                domains = excluded.domains, authorization_endpoint = excluded.authorization_endpoint, token_endpoint = excluded.token_endpoint,
                jwks_uri = excluded.jwks_uri, updated_by = excluded.updated_by, updated_at = excluded.updated_at""")
    void save(long organisationId, String issuer, String clientId, String clientSecret, String domains, String authorizationEndpoint, String tokenEndpoint,
              String jwksUri, long by, Instant now);

    /** A sign-in under way, and once the provider named an account that exists, who it said it was. */
    record Attempt(String state, long organisationId, String nonce, String verifier, String subject, Long memberId) {
    }

    @SqlUpdate("INSERT INTO company_sign_in_attempt (state, organisation_id, nonce, verifier, created_at) VALUES (:state, :organisationId, :nonce, :verifier, :now)")
    void attempt(String state, long organisationId, String nonce, String verifier, Instant now);

    /** Takes the attempt for its one return from the provider; 0 when it was taken, is too old, or never was. */
    @SqlUpdate("UPDATE company_sign_in_attempt SET used_at = :now WHERE state = :state AND used_at IS NULL AND created_at > :since")
    int use(String state, Instant now, Instant since);

    @SqlQuery("SELECT state, organisation_id, nonce, verifier, subject, member_id FROM company_sign_in_attempt WHERE state = :state")
    Optional<Attempt> attemptOf(String state);

    @SqlUpdate("UPDATE company_sign_in_attempt SET subject = :subject, member_id = :memberId WHERE state = :state")
    void await(String state, String subject, long memberId);

    @SqlQuery("""
            SELECT state, organisation_id, nonce, verifier, subject, member_id FROM company_sign_in_attempt
            WHERE state = :state AND member_id IS NOT NULL AND created_at > :since""")
    Optional<Attempt> awaiting(String state, Instant since);

    @SqlUpdate("DELETE FROM company_sign_in_attempt WHERE state = :state")
    void forget(String state);

    @SqlUpdate("DELETE FROM company_sign_in_attempt WHERE created_at < :before")
    int forgetBefore(Instant before);

    @SqlQuery("SELECT member_id FROM company_identity WHERE issuer = :issuer AND subject = :subject")
    Optional<Long> identity(String issuer, String subject);

    @SqlUpdate("INSERT INTO company_identity (issuer, subject, member_id, linked_at) VALUES (:issuer, :subject, :memberId, :now) ON CONFLICT (issuer, subject) DO NOTHING")
    void link(String issuer, String subject, long memberId, Instant now);
}
