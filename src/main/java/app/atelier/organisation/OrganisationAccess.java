package app.atelier.organisation;

import app.atelier.web.HttpProblem;
import app.atelier.web.Role;
import app.atelier.web.Viewer;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/**
 * What one viewer may do for one organisation, from their staff role. The admin rule lives here and nowhere
 * else: a platform admin may do whatever the organisation's owner may, but is not one of its staff, so they
 * neither speak for the company (official responses) nor take part for it (eligibility).
 */
public record OrganisationAccess(long organisationId, Optional<StaffRole> role, boolean admin) {

    /** The access of a viewer to an organisation that exists, read within an open transaction; else not found. */
    public static OrganisationAccess of(Handle h, Viewer viewer, long organisationId) {
        var organisations = h.attach(OrganisationDao.class);
        if (!organisations.exists(organisationId)) throw new HttpProblem.NotFound();
        return new OrganisationAccess(organisationId, viewer.signedIn() ? organisations.role(organisationId, viewer.id()) : Optional.empty(),
                viewer.admin());
    }

    /** One of the organisation's own staff, whatever their role. */
    public boolean staff() {
        return role.isPresent();
    }

    /** Sees drafts, confidential contributions and the staff list, and moderates: every staff role. */
    public boolean moderates() {
        return staff() || admin;
    }

    /** Launches and runs challenges and reads the audit log: owners and managers. */
    public boolean manages() {
        return role.filter(StaffRole::manages).isPresent() || admin;
    }

    /** Edits the organisation and chooses its staff. */
    public boolean owns() {
        return role.filter(r -> r == StaffRole.OWNER).isPresent() || admin;
    }

    /** The highest role this access holds, as a route declares it. */
    public Role standing() {
        if (owns()) return Role.OWNER;
        if (manages()) return Role.MANAGER;
        return moderates() ? Role.MODERATOR : Role.MEMBER;
    }

    /** Refuses the viewer unless the rule holds; returns this access to go on with. */
    public OrganisationAccess require(boolean allowed) {
        if (!allowed) throw new HttpProblem.Forbidden();
        return this;
    }
}
