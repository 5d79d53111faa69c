package app.atelier.community;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.sqlobject.config.KeyColumn;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.config.ValueColumn;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

@RegisterConstructorMapper(Membership.class)
public interface CommunityDao {
    String SELECT = """
            SELECT c.organisation_id, c.member_id, m.name AS member_name, c.state, c.city, c.country, c.age_range,
                   c.occupation, c.product_use, c.skills, c.motivation, c.decision_message, c.applied_at, c.decided_at
            FROM community_membership c JOIN member m ON m.id = c.member_id""";

    @SqlQuery(SELECT + " WHERE c.organisation_id = :organisationId AND c.member_id = :memberId")
    Optional<Membership> find(long organisationId, long memberId);

    String MATCHING = """
             WHERE c.organisation_id = :organisationId AND c.state = :f.state
               AND (:f.name = '' OR instr(lower(m.name), lower(:f.name)) > 0)
               AND (:f.country = '' OR lower(c.country) = lower(:f.country))
               AND (:f.ageRange = '' OR c.age_range = :f.ageRange)
               AND (:f.skill = '' OR instr(lower(c.skills), lower(:f.skill)) > 0)""";

    /** One page of the people a filter picks, in the order they applied: a queue to answer, a roster to read. */
    @SqlQuery(SELECT + " " + MATCHING + " ORDER BY c.applied_at, c.member_id LIMIT :limit OFFSET :offset")
    List<Membership> page(@BindMethods("f") MemberFilter filter, long organisationId, int limit, long offset);

    @SqlQuery("SELECT count(*) FROM community_membership c JOIN member m ON m.id = c.member_id " + MATCHING)
    long count(@BindMethods("f") MemberFilter filter, long organisationId);

    @SqlQuery("SELECT state, count(*) AS n FROM community_membership WHERE organisation_id = :organisationId GROUP BY state")
    @KeyColumn("state")
    @ValueColumn("n")
    Map<MembershipState, Long> counts(long organisationId);

    @SqlQuery("SELECT count(*) FROM community_membership WHERE organisation_id = :organisationId AND state = 'APPLIED'")
    long pending(long organisationId);

    /** Applies, or applies again after a decline, with the profile given. */
    @SqlUpdate("""
            INSERT INTO community_membership (organisation_id, member_id, state, city, country, age_range, occupation,
                                              product_use, skills, motivation, applied_at)
            VALUES (:organisationId, :memberId, :state, :f.city, :f.country, :f.ageRange, :f.occupation, :f.productUse,
                    :tags, :f.motivation, :now)
            ON CONFLICT (organisation_id, member_id) DO UPDATE SET
                state = excluded.state, city = excluded.city, country = excluded.country, age_range = excluded.age_range,
                occupation = excluded.occupation, product_use = excluded.product_use, skills = excluded.skills,
                motivation = excluded.motivation, applied_at = CASE WHEN community_membership.state = 'APPLIED' THEN community_membership.applied_at ELSE excluded.applied_at END""")
    void apply(long organisationId, long memberId, MembershipState state,
               @BindMethods("f") ApplicationForm form, String tags, Instant now);

    /** Moves a membership on only from the state expected, so that two moderators cannot decide twice. */
    @SqlUpdate("""
            UPDATE community_membership SET state = :to, decision_message = :message, decided_by = :by, decided_at = :now
            WHERE organisation_id = :organisationId AND member_id = :memberId AND state = :from""")
    int decide(long organisationId, long memberId, MembershipState from,
               MembershipState to, String message, long by, Instant now);

    /** An invited person comes straight in, whatever they were before. */
    @SqlUpdate("""
            INSERT INTO community_membership (organisation_id, member_id, state, decided_by, decided_at, applied_at)
            VALUES (:organisationId, :memberId, 'APPROVED', :by, :now, :now)
            ON CONFLICT (organisation_id, member_id) DO UPDATE SET state = 'APPROVED', decided_by = :by, decided_at = :now""")
    void admit(long organisationId, long memberId, long by, Instant now);

    @SqlQuery("""
            SELECT o.name FROM community_membership c JOIN organisation o ON o.id = c.organisation_id
            WHERE c.member_id = :memberId AND c.state = 'APPROVED' ORDER BY o.name""")
    List<String> communitiesOf(long memberId);

    /** Suspensions that have run their time are ended within a minute by {@link CommunityService#endSuspensions()}. */
    @SqlQuery("SELECT count(*) > 0 FROM community_suspension WHERE organisation_id = :organisationId AND member_id = :memberId")
    boolean suspended(long organisationId, long memberId);

    /** A running suspension's end; {@code until} null lasts until lifted. */
    record SuspensionEnd(Instant until) {
    }

    @SqlQuery("SELECT until_at AS until FROM community_suspension WHERE organisation_id = :organisationId AND member_id = :memberId")
    @RegisterConstructorMapper(SuspensionEnd.class)
    Optional<SuspensionEnd> suspension(long organisationId, long memberId);

    /** Suspends, or changes a running suspension's reason and end; {@code until} null lasts until lifted. */
    @SqlUpdate("""
            INSERT INTO community_suspension (organisation_id, member_id, reason, suspended_by, suspended_at, until_at)
            VALUES (:organisationId, :memberId, :reason, :by, :now, :until)
            ON CONFLICT (organisation_id, member_id) DO UPDATE SET
                reason = excluded.reason, suspended_by = excluded.suspended_by, suspended_at = excluded.suspended_at, until_at = excluded.until_at""")
    void suspend(long organisationId, long memberId, String reason,
                 long by, Instant now, Instant until);

    /** A suspension whose time has come, with who set it. */
    record Ended(long organisationId, long memberId, String name, long suspendedBy) {
    }

    @SqlQuery("""
            SELECT s.organisation_id, s.member_id, m.name, s.suspended_by FROM community_suspension s JOIN member m ON m.id = s.member_id
            WHERE s.until_at <= :now""")
    @RegisterConstructorMapper(Ended.class)
    List<Ended> ended(Instant now);

    /** @return 1 for the one instance that ends it */
    @SqlUpdate("DELETE FROM community_suspension WHERE organisation_id = :organisationId AND member_id = :memberId AND until_at <= :now")
    int end(long organisationId, long memberId, Instant now);

    @SqlUpdate("DELETE FROM community_suspension WHERE organisation_id = :organisationId AND member_id = :memberId")
    int lift(long organisationId, long memberId);

    @SqlQuery("""
            SELECT s.member_id, m.name, s.reason, s.until_at AS until FROM community_suspension s JOIN member m ON m.id = s.member_id
            WHERE s.organisation_id = :organisationId ORDER BY s.suspended_at DESC""")
    @RegisterConstructorMapper(Suspension.class)
    List<Suspension> suspensions(long organisationId);

    @SqlUpdate("""
            INSERT INTO community_invitation (token_hash, organisation_id, email, invited_by, created_at, expires_at)
            VALUES (:hash, :organisationId, :email, :by, :now, :expires)""")
    void invite(String hash, long organisationId, String email,
                long by, Instant now, Instant expires);

    @SqlQuery("""
            SELECT i.organisation_id, o.name AS organisation_name, i.email, m.name AS inviter_name, i.used_at, i.expires_at
            FROM community_invitation i JOIN organisation o ON o.id = i.organisation_id JOIN member m ON m.id = i.invited_by
            WHERE i.token_hash = :hash""")
    @RegisterConstructorMapper(Invitation.class)
    Optional<Invitation> invitation(String hash);

    /** The link reached the member's own address: that address is theirs. @return 1 if it was verified now */
    @SqlUpdate("UPDATE member SET email_verified_at = :now WHERE id = :memberId AND email_key = :emailKey AND email_verified_at IS NULL")
    int verifyIfInvited(long memberId, String emailKey, Instant now);

    @SqlQuery("SELECT email_verified_at IS NOT NULL FROM member WHERE id = :memberId")
    boolean verified(long memberId);

    @SqlQuery("SELECT invited_by FROM community_invitation WHERE token_hash = :hash")
    long inviter(String hash);

    /** @return 1 for the one request that uses the invitation, 0 for any other */
    @SqlUpdate("UPDATE community_invitation SET used_by = :memberId, used_at = :now WHERE token_hash = :hash AND used_at IS NULL")
    int use(String hash, long memberId, Instant now);

    @SqlQuery("SELECT name FROM organisation WHERE id = :organisationId")
    Optional<String> organisationName(long organisationId);

    @SqlQuery("SELECT name FROM member WHERE id = :memberId")
    Optional<String> memberName(long memberId);

    @SqlQuery("SELECT count(*) > 0 FROM organisation_staff WHERE organisation_id = :organisationId AND member_id = :memberId")
    boolean staff(long organisationId, long memberId);
}
