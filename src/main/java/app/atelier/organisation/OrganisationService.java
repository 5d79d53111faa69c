package app.atelier.organisation;

import app.atelier.db.Database;
import app.atelier.image.NewPicture;
import app.atelier.notification.Notice;
import app.atelier.notification.NotificationKind;
import app.atelier.notification.Notifier;
import app.atelier.web.HttpProblem;
import app.atelier.web.Invalid;
import app.atelier.web.RateLimit;
import app.atelier.web.Viewer;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

/** Organisations (the SMEs) and their staff. */
public final class OrganisationService {
    /** Staff offers an organisation may make in a day. */
    private static final RateLimit OFFERS = new RateLimit("staff-offer", 30, Duration.ofDays(1));

    private final Database db;
    private final Clock clock;
    private final Notifier notifier;

    public OrganisationService(Database db, Clock clock, Notifier notifier) {
        this.db = db;
        this.clock = clock;
        this.notifier = notifier;
    }

    /** The member who creates an organisation becomes its owner; their address must be verified first. */
    public long create(Viewer viewer, OrganisationForm form) {
        long ownerId = viewer.id();
        requireVerified(viewer);
        Invalid.unless(form.errors());
        return db.write(h -> {
            var organisations = h.attach(OrganisationDao.class);
            long id = organisations.insert(form.name(), form.description(), clock.instant());
            organisations.putStaff(id, ownerId, StaffRole.OWNER, clock.instant());
            return id;
        });
    }

    /** Saves the owner's changes; @return the logo replaced, whose file can go, or null */
    public String update(Viewer viewer, long organisationId, OrganisationForm form, NewPicture logo) {
        requireOwner(viewer, organisationId);
        Invalid.unless(form.errors());
        return db.write(h -> {
            var organisations = h.attach(OrganisationDao.class);
            organisations.update(organisationId, form.name(), form.description());
            if (!logo.change()) return null;
            String replaced = organisations.logo(organisationId);
            organisations.setLogo(organisationId, logo.name());
            return replaced;
        });
    }

    public Organisation find(long organisationId) {
        return db.read(h -> h.attach(OrganisationDao.class).find(organisationId)).orElseThrow(HttpProblem.NotFound::new);
    }

    /** The organisation, for its owner to edit. */
    public Organisation owned(Viewer viewer, long organisationId) {
        requireOwner(viewer, organisationId);
        return find(organisationId);
    }

    public List<StaffMember> staff(long organisationId) {
        return db.read(h -> h.attach(OrganisationDao.class).staff(organisationId));
    }

    public List<Organisation> ofMember(long memberId) {
        return db.read(h -> h.attach(OrganisationDao.class).ofMember(memberId));
    }

    /** What the viewer may do for the organisation; not found when there is no such organisation. */
    public OrganisationAccess access(Viewer viewer, long organisationId) {
        return db.read(h -> OrganisationAccess.of(h, viewer, organisationId));
    }

    /**
     * The owner offers a member with a verified address a place as manager or moderator; the member takes it by
     * accepting. Whether the address has such a member is not said: the answer is the same, and a few dozen
     * offers a day at most are made.
     */
    public void offerStaff(Viewer viewer, long organisationId, StaffForm form) {
        requireOwner(viewer, organisationId);
        Invalid.unless(form.errors());
        db.execute(h -> {
            OFFERS.take(h, "organisation:" + organisationId, clock.instant());
            var organisations = h.attach(OrganisationDao.class);
            var member = organisations.verifiedMember(form.email().toLowerCase(Locale.ROOT))
                    .filter(id -> organisations.role(organisationId, id).filter(r -> r == StaffRole.OWNER).isEmpty());
            if (member.isEmpty()) return;
            var role = form.parsedRole().orElseThrow();
            organisations.offer(organisationId, member.get(), role, viewer.id(), clock.instant());
            String name = organisations.find(organisationId).orElseThrow().name();
            notifier.notify(h, Notice.by(viewer, NotificationKind.STAFF_OFFER, name, role.key(), "/account#offers"),
                    List.of(member.get()), clock.instant());
        });
    }

    public List<StaffOffer> offersTo(Viewer viewer) {
        return db.read(h -> h.attach(OrganisationDao.class).offersTo(viewer.id()));
    }

    /** The member takes the place offered, or declines it; either way the offer is gone. */
    public void answerOffer(Viewer viewer, long organisationId, boolean accept) {
        long memberId = viewer.id();
        db.execute(h -> {
            var organisations = h.attach(OrganisationDao.class);
            var role = organisations.offered(organisationId, memberId).orElseThrow(HttpProblem.NotFound::new);
            organisations.withdrawOffer(organisationId, memberId);
            if (accept) organisations.putStaff(organisationId, memberId, role, clock.instant());
        });
    }

    private void requireVerified(Viewer viewer) {
        if (!db.read(h -> h.attach(OrganisationDao.class).verified(viewer.id()))) throw new HttpProblem.AddressNotVerified();
    }

    public void removeStaff(Viewer viewer, long organisationId, long memberId) {
        requireOwner(viewer, organisationId);
        db.execute(h -> h.attach(OrganisationDao.class).removeStaff(organisationId, memberId));
    }

    private void requireOwner(Viewer viewer, long organisationId) {
        var access = access(viewer, organisationId);
        access.require(access.owns());
    }
}
