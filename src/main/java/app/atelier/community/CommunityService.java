package app.atelier.community;

import app.atelier.audit.Audit;
import app.atelier.db.Database;
import app.atelier.notification.Notice;
import app.atelier.notification.NotificationKind;
import app.atelier.notification.Notifier;
import app.atelier.notification.WebhookEvent;
import app.atelier.organisation.OrganisationAccess;
import app.atelier.web.Errors;
import app.atelier.web.Forms;
import app.atelier.web.HttpProblem;
import app.atelier.web.Invalid;
import app.atelier.web.Paged;
import app.atelier.web.Paths;
import app.atelier.web.RateLimit;
import app.atelier.web.Text;
import app.atelier.web.Tokens;
import app.atelier.web.Viewer;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/** Each organisation's hand-picked community: who applies, who is let in, who takes part in what. */
public final class CommunityService {
    static final Duration INVITATION_LIFETIME = Duration.ofDays(14);
    static final int MESSAGE_MAX = 2_000;

    private final Database db;
    private final Clock clock;
    private final Notifier notifier;
    private final RateLimit invitations;

    public CommunityService(Database db, Clock clock, Notifier notifier, RateLimit invitations) {
        this.db = db;
        this.clock = clock;
        this.notifier = notifier;
        this.invitations = invitations;
    }

    static final int ROSTER_PAGE = 20;

    /** What the organisation's staff see: one page of the people a filter picks, how many are in each state, who is suspended. */
    public record Roster(Paged<Membership> people, MemberFilter filter, Map<MembershipState, Long> counts, List<Suspension> suspensions) {
        public long count(MembershipState state) {
            return counts.getOrDefault(state, 0L);
        }
    }

    public void apply(Viewer viewer, long organisationId, ApplicationForm form) {
        long member = viewer.id();
        db.execute(h -> {
            if (h.attach(CommunityDao.class).organisationName(organisationId).isEmpty()) throw new HttpProblem.NotFound();
            var current = h.attach(CommunityDao.class).find(organisationId, member).map(Membership::state).orElse(null);
            if (current != null && !current.mayApply()) {
                throw current == MembershipState.REMOVED ? new HttpProblem.Forbidden("eligibility.removed") : new HttpProblem.Conflict("error.alreadyMember");
            }
            if (h.attach(CommunityDao.class).suspended(organisationId, member)) throw new HttpProblem.Forbidden("eligibility.suspended");
            form.validate();
            h.attach(CommunityDao.class).apply(organisationId, member, MembershipState.APPLIED, form, form.tags(), clock.instant());
            notifier.notifyStaff(h, organisationId, new Notice(NotificationKind.NEW_APPLICATION, member, viewer.name(), h.attach(CommunityDao.class).organisationName(organisationId).orElseThrow(),
                    "", Paths.community(organisationId)),
                    clock.instant());
            notifier.webhooks().emit(h, organisationId, WebhookEvent.APPLICATION_RECEIVED, Paths.community(organisationId),
                    Map.of("memberId", member, "name", viewer.name()), clock.instant());
        });
    }

    public Optional<Membership> membership(Viewer viewer, long organisationId) {
        if (!viewer.signedIn()) return Optional.empty();
        return db.read(h -> h.attach(CommunityDao.class).find(organisationId, viewer.id()));
    }

    /** Without a state chosen, the applications waiting if there are any, else the members. */
    public Roster roster(Viewer viewer, long organisationId, MemberFilter filter) {
        return db.read(h -> {
            requireStaff(h, viewer, organisationId);
            var community = h.attach(CommunityDao.class);
            var counts = community.counts(organisationId);
            var chosen = filter.state() != null ? filter
                    : filter.inState(counts.getOrDefault(MembershipState.APPLIED, 0L) > 0 ? MembershipState.APPLIED : MembershipState.APPROVED);
            var people = community.page(chosen, organisationId, ROSTER_PAGE, Paged.offset(chosen.page(), ROSTER_PAGE));
            return new Roster(new Paged<>(people, chosen.page(), community.count(chosen, organisationId), ROSTER_PAGE), chosen, counts,
                    community.suspensions(organisationId));
        });
    }

    public long pending(long organisationId) {
        return db.read(h -> h.attach(CommunityDao.class).pending(organisationId));
    }

    public List<String> communitiesOf(long memberId) {
        return db.read(h -> h.attach(CommunityDao.class).communitiesOf(memberId));
    }

    public void approve(Viewer viewer, long organisationId, long memberId, String message) {
        decide(viewer, organisationId, memberId, MembershipState.APPLIED, MembershipState.APPROVED, message);
    }

    public void decline(Viewer viewer, long organisationId, long memberId, String message) {
        decide(viewer, organisationId, memberId, MembershipState.APPLIED, MembershipState.DECLINED, message);
    }

    /** A removed member keeps what they wrote but can add nothing new to this community. */
    public void remove(Viewer viewer, long organisationId, long memberId, String reason) {
        decide(viewer, organisationId, memberId, MembershipState.APPROVED, MembershipState.REMOVED, reason);
    }

    /**
     * Suspends a member from everything in the organisation's community for some days, or until a moderator
     * lifts it when {@code days} is null.
     */
    public void suspend(Viewer viewer, long organisationId, long memberId, String reason, Integer days) {
        long moderator = viewer.id();
        db.execute(h -> {
            requireStaff(h, viewer, organisationId);
            var errors = Errors.none().text("reason", reason, MESSAGE_MAX);
            if (days != null && !Suspension.DAYS.contains(days)) errors.add("days", "error.choice");
            Invalid.unless(errors);
            var community = h.attach(CommunityDao.class);
            var name = community.memberName(memberId).orElseThrow(HttpProblem.NotFound::new);
            if (community.staff(organisationId, memberId)) throw new HttpProblem.Conflict("error.suspendStaff");
            var now = clock.instant();
            community.suspend(organisationId, memberId, reason, moderator, now, days == null ? null : now.plus(Duration.ofDays(days)));
            Audit.recordAbout(h, organisationId, moderator, "membership.suspended", memberId, name, reason, now);
        });
    }

    /** Ends the suspensions whose time has come, each once however many instances run this; @return how many */
    public int endSuspensions() {
        var now = clock.instant();
        var due = db.read(h -> h.attach(CommunityDao.class).ended(now));
        if (due.isEmpty()) return 0;
        return db.write(h -> {
            var community = h.attach(CommunityDao.class);
            int ended = 0;
            for (var s : due) {
                if (community.end(s.organisationId(), s.memberId(), now) == 0) continue;
                Audit.recordAbout(h, s.organisationId(), s.suspendedBy(), "membership.suspensionEnded", s.memberId(), s.name(), "", now);
                ended++;
            }
            return ended;
        });
    }

    public void lift(Viewer viewer, long organisationId, long memberId) {
        long moderator = viewer.id();
        db.execute(h -> {
            requireStaff(h, viewer, organisationId);
            if (h.attach(CommunityDao.class).lift(organisationId, memberId) == 0) throw new HttpProblem.NotFound();
            Audit.recordAbout(h, organisationId, moderator, "membership.lifted", memberId, "#" + memberId, "", clock.instant());
        });
    }

    /**
     * Creates a single-use invitation for one address, emails its link, and returns its secret token. An
     * organisation sends at most the configured number of invitations a day.
     */
    public String invite(Viewer viewer, long organisationId, String email, Text text) {
        Invalid.unless(Errors.none().text("email", email, 254));
        if (!Forms.isEmail(email)) throw Invalid.of("email", "error.oneEmail");
        String token = Tokens.random();
        var now = clock.instant();
        db.execute(h -> {
            requireStaff(h, viewer, organisationId);
            invitations.take(h, "organisation:" + organisationId, now);
            h.attach(CommunityDao.class).invite(Tokens.hash(token), organisationId, email, viewer.id(), now, now.plus(INVITATION_LIFETIME));
            String organisation = h.attach(CommunityDao.class).organisationName(organisationId).orElseThrow();
            notifier.email(h, email, text, "email.invitation", Paths.invitation(token), now, viewer.name(), organisation);
        });
        return token;
    }

    /** The invitation behind a link, used or not, for anyone who holds the link. */
    public Optional<Invitation> invitation(String token) {
        return db.read(h -> h.attach(CommunityDao.class).invitation(Tokens.hash(token)));
    }

    /**
     * Brings the signed-in member straight into the community; returns the organisation. The member's address must
     * be verified, and an invitation opened from the address it was sent to verifies it.
     */
    public long accept(Viewer viewer, String token) {
        long member = viewer.id();
        String hash = Tokens.hash(token);
        return db.write(h -> {
            var community = h.attach(CommunityDao.class);
            var invitation = community.invitation(hash)
                    .filter(i -> i.state(clock.instant()) == Invitation.State.OPEN)
                    .orElseThrow(() -> new HttpProblem.Conflict("error.invitation"));
            long organisationId = invitation.organisationId();
            if (community.verifyIfInvited(member, invitation.email().strip().toLowerCase(Locale.ROOT), clock.instant()) == 0
                    && !community.verified(member)) {
                throw new HttpProblem.AddressNotVerified();
            }
            if (community.use(hash, member, clock.instant()) != 1) throw new HttpProblem.Conflict("error.invitation");
            community.admit(organisationId, member, community.inviter(hash), clock.instant());
            return organisationId;
        });
    }

    private void decide(Viewer viewer, long organisationId, long memberId, MembershipState from, MembershipState to, String message) {
        long moderator = viewer.id();
        db.execute(h -> {
            requireStaff(h, viewer, organisationId);
            Invalid.unless(Errors.none().text(to == MembershipState.REMOVED ? "reason" : "message", message, MESSAGE_MAX));
            var community = h.attach(CommunityDao.class);
            if (community.decide(organisationId, memberId, from, to, message, moderator, clock.instant()) == 0) {
                throw new HttpProblem.Conflict("error.membershipState");
            }
            String name = community.find(organisationId, memberId).map(Membership::memberName).orElse("#" + memberId);
            Audit.recordAbout(h, organisationId, moderator, "membership." + to.name().toLowerCase(Locale.ROOT), memberId, name, message, clock.instant());
            if (from == MembershipState.APPLIED) {
                String organisation = h.attach(CommunityDao.class).organisationName(organisationId).orElseThrow();
                notifier.notify(h, new Notice(NotificationKind.APPLICATION, moderator, viewer.name(), organisation,
                        to.key(), Paths.organisation(organisationId) + "#community"),
                        List.of(memberId), clock.instant());
            }
        });
    }

    private static void requireStaff(Handle h, Viewer viewer, long organisationId) {
        var access = OrganisationAccess.of(h, viewer, organisationId);
        access.require(access.moderates());
    }
}
