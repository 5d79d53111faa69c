package app.atelier.organisation;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.statement.GetGeneratedKeys;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

@RegisterConstructorMapper(Organisation.class)
@RegisterConstructorMapper(StaffMember.class)
@RegisterConstructorMapper(StaffOffer.class)
interface OrganisationDao {
    @SqlUpdate("INSERT INTO organisation (name, description, created_at) VALUES (:name, :description, :now)")
    @GetGeneratedKeys("id")
    long insert(String name, String description, Instant now);

    @SqlUpdate("UPDATE organisation SET name = :name, description = :description WHERE id = :id")
    void update(long id, String name, String description);
    @SqlQuery("SELECT logo FROM organisation WHERE id = :id")
    String logo(long id);

    @SqlUpdate("UPDATE organisation SET logo = :logo WHERE id = :id")
    void setLogo(long id, String logo);

    @SqlQuery("SELECT EXISTS (SELECT 1 FROM organisation WHERE id = :id)")
    boolean exists(long id);

    @SqlQuery("SELECT id, name, description, created_at, logo FROM organisation WHERE id = :id")
    Optional<Organisation> find(long id);

    @SqlQuery("""
            SELECT o.id, o.name, o.description, o.created_at, o.logo FROM organisation o
            JOIN organisation_staff s ON s.organisation_id = o.id WHERE s.member_id = :memberId ORDER BY o.name""")
    List<Organisation> ofMember(long memberId);

    @SqlQuery("SELECT role FROM organisation_staff WHERE organisation_id = :organisationId AND member_id = :memberId")
    Optional<StaffRole> role(long organisationId, long memberId);

    @SqlQuery("""
            SELECT s.member_id, m.name, m.email, s.role FROM organisation_staff s JOIN member m ON m.id = s.member_id
            WHERE s.organisation_id = :organisationId ORDER BY s.role, m.name""")
    List<StaffMember> staff(long organisationId);

    @SqlUpdate("""
            INSERT INTO organisation_staff (organisation_id, member_id, role, added_at) VALUES (:organisationId, :memberId, :role, :now)
            ON CONFLICT (organisation_id, member_id) DO UPDATE SET role = excluded.role""")
    void putStaff(long organisationId, long memberId,
                  StaffRole role, Instant now);

    @SqlUpdate("DELETE FROM organisation_staff WHERE organisation_id = :organisationId AND member_id = :memberId AND role <> 'OWNER'")
    int removeStaff(long organisationId, long memberId);

    @SqlQuery("SELECT email_verified_at IS NOT NULL FROM member WHERE id = :memberId")
    boolean verified(long memberId);

    /** A member with a verified address, by the address's key. */
    @SqlQuery("SELECT id FROM member WHERE email_key = :emailKey AND email_verified_at IS NOT NULL")
    Optional<Long> verifiedMember(String emailKey);

    @SqlUpdate("""
            INSERT INTO staff_offer (organisation_id, member_id, role, offered_by, offered_at) VALUES (:organisationId, :memberId, :role, :by, :now)
            ON CONFLICT (organisation_id, member_id) DO UPDATE SET role = excluded.role, offered_by = excluded.offered_by, offered_at = excluded.offered_at""")
    void offer(long organisationId, long memberId, StaffRole role,
               long by, Instant now);

    @SqlQuery("""
            SELECT f.organisation_id, o.name AS organisation_name, f.role, m.name AS offered_by
            FROM staff_offer f JOIN organisation o ON o.id = f.organisation_id JOIN member m ON m.id = f.offered_by
            WHERE f.member_id = :memberId ORDER BY f.offered_at DESC""")
    List<StaffOffer> offersTo(long memberId);

    @SqlQuery("SELECT role FROM staff_offer WHERE organisation_id = :organisationId AND member_id = :memberId")
    Optional<StaffRole> offered(long organisationId, long memberId);

    @SqlUpdate("DELETE FROM staff_offer WHERE organisation_id = :organisationId AND member_id = :memberId")
    int withdrawOffer(long organisationId, long memberId);
}
