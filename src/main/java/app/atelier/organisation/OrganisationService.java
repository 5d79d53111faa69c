package app.atelier.organisation;

import app.atelier.db.Database;
import app.atelier.web.HttpProblem;
import app.atelier.web.Invalid;
import app.atelier.web.Viewer;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/** Organisations (the SMEs) and their staff. */
public final class OrganisationService {
    private final Database db;
    private final Clock clock;

    public OrganisationService(Database db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    /** The member who creates an organisation becomes its owner. */
    public long create(Viewer viewer, OrganisationForm form) {
        long ownerId = viewer.id();
        Invalid.unless(form.errors());
        return db.write(h -> {
            var organisations = h.attach(OrganisationDao.class);
            long id = organisations.insert(form.name(), form.description(), clock.instant());
            organisations.putStaff(id, ownerId, StaffRole.OWNER, clock.instant());
            return id;
        });
    }

    public void update(Viewer viewer, long organisationId, OrganisationForm form) {
        requireRole(viewer, organisationId, StaffRole.OWNER);
        Invalid.unless(form.errors());
        db.execute(h -> h.attach(OrganisationDao.class).update(organisationId, form.name(), form.description()));
    }

    public Organisation find(long organisationId) {
        return db.read(h -> h.attach(OrganisationDao.class).find(organisationId)).orElseThrow(HttpProblem.NotFound::new);
    }

    /** The organisation, for its owner to edit. */
    public Organisation owned(Viewer viewer, long organisationId) {
        requireRole(viewer, organisationId, StaffRole.OWNER);
        return find(organisationId);
    }

    public List<StaffMember> staff(long organisationId) {
        return db.read(h -> h.attach(OrganisationDao.class).staff(organisationId));
    }

    public List<Organisation> ofMember(long memberId) {
        return db.read(h -> h.attach(OrganisationDao.class).ofMember(memberId));
    }

    public Optional<StaffRole> role(Viewer viewer, long organisationId) {
        if (!viewer.signedIn()) return Optional.empty();
        return db.read(h -> role(h, viewer, organisationId));
    }

    /** The viewer's role, read within a transaction that is already open. */
    public static Optional<StaffRole> role(Handle h, Viewer viewer, long organisationId) {
        if (!viewer.signedIn()) return Optional.empty();
        return h.attach(OrganisationDao.class).role(organisationId, viewer.id());
    }

    /** The owner adds an existing member as a manager or a moderator (or changes their role). */
    public void addStaff(Viewer viewer, long organisationId, StaffForm form) {
        requireRole(viewer, organisationId, StaffRole.OWNER);
        Invalid.unless(form.errors());
        db.execute(h -> {
            long memberId = h.createQuery("SELECT id FROM member WHERE email_key = :key")
                    .bind("key", form.email().toLowerCase(Locale.ROOT)).mapTo(Long.class).findOne()
                    .orElseThrow(() -> Invalid.of("email", "error.noSuchMember"));
            var organisations = h.attach(OrganisationDao.class);
            if (organisations.role(organisationId, memberId).filter(r -> r == StaffRole.OWNER).isPresent()) {
                throw Invalid.of("email", "error.ownerStays");
            }
            organisations.putStaff(organisationId, memberId, form.parsedRole().orElseThrow(), clock.instant());
        });
    }

    public void removeStaff(Viewer viewer, long organisationId, long memberId) {
        requireRole(viewer, organisationId, StaffRole.OWNER);
        db.execute(h -> h.attach(OrganisationDao.class).removeStaff(organisationId, memberId));
    }

    private void requireRole(Viewer viewer, long organisationId, StaffRole needed) {
        viewer.id();
        find(organisationId);
        StaffRole role = role(viewer, organisationId).orElse(null);
        boolean allowed = viewer.admin() || role == needed || (needed == StaffRole.MANAGER && role != null && role.manages());
        if (!allowed) throw new HttpProblem.Forbidden();
    }
}
