package app.atelier.moderation;

import app.atelier.contribution.CommentDao;
import app.atelier.contribution.Contribution;
import app.atelier.contribution.ContributionDao;
import app.atelier.contribution.ContributionService;
import app.atelier.contribution.ContributionStatus;
import app.atelier.contribution.ContributionVisibility;
import app.atelier.contribution.FollowDao;
import app.atelier.contribution.Ranking;
import app.atelier.contribution.VoteDao;
import app.atelier.db.Database;
import app.atelier.notification.NotificationKind;
import app.atelier.notification.Notifier;
import app.atelier.organisation.OrganisationService;
import app.atelier.organisation.StaffRole;
import app.atelier.web.HttpProblem;
import app.atelier.web.Invalid;
import app.atelier.web.Paged;
import app.atelier.web.Viewer;
import java.time.Clock;
import java.util.List;
import org.jdbi.v3.core.Handle;

/** Official responses to contributions, duplicates merged into their original, and the audit log. */
public final class ModerationService {
    public static final int AUDIT_PAGE_SIZE = 50;
    static final int AUTO_HIDE_FLAGS = 3;

    private final Database db;
    private final Clock clock;
    private final Notifier notifier;

    public ModerationService(Database db, Clock clock, Notifier notifier) {
        this.db = db;
        this.clock = clock;
        this.notifier = notifier;
    }

    /**
     * The organisation's staff change a contribution's status, always with a written response. Marking a
     * duplicate merges it into its original: its votes (never twice for one member) and followers move along.
     */
    public void respond(Viewer viewer, long contributionId, ResponseForm form) {
        long actor = viewer.id();
        db.execute(h -> {
            var seen = ContributionService.seen(h, viewer, contributionId);
            if (!seen.access().staff()) throw new HttpProblem.Forbidden();
            var contribution = seen.contribution();
            if (contribution.status() == ContributionStatus.DUPLICATE) throw new HttpProblem.Conflict("error.alreadyMerged");
            var parsed = form.parse();
            if (parsed.duplicateOf() != null) merge(h, contribution, parsed.duplicateOf(), clock.instant());
            h.attach(ContributionDao.class).respond(contributionId, parsed.status(), parsed.body(), parsed.duplicateOf());
            h.attach(ResponseDao.class).insert(contributionId, actor, parsed.status(), parsed.body(), clock.instant());
            record(h, seen.access().challenge().organisationId(), actor, "response." + parsed.status().name().toLowerCase(java.util.Locale.ROOT),
                    "#" + contributionId + " " + contribution.title(), parsed.body(), clock.instant());
            var recipients = new java.util.ArrayList<>(h.attach(FollowDao.class).followers(parsed.duplicateOf() != null ? parsed.duplicateOf() : contributionId));
            recipients.add(contribution.authorId());
            notifier.notify(h, NotificationKind.RESPONSE,
                    ContributionVisibility.readers(h, contribution.challengeId(), contribution.authorId(), recipients), actor, viewer.name(), contribution.title(), parsed.status().key(),
                    "/contributions/" + contributionId + "#responses", clock.instant());
        });
    }

    /** The contribution or comment a moderation action is about, as the viewer may see it. */
    private record Target(ItemType type, long id, String label, ContributionService.Seen seen) {
        long organisationId() {
            return seen.access().challenge().organisationId();
        }
    }

    private static Target target(Handle h, Viewer viewer, ItemType type, long id) {
        if (type == ItemType.CONTRIBUTION) {
            var seen = ContributionService.seen(h, viewer, id);
            return new Target(type, id, "#" + id + " " + seen.contribution().title(), seen);
        }
        var comment = h.attach(CommentDao.class).find(id).filter(c -> !c.deleted()).orElseThrow(HttpProblem.NotFound::new);
        var seen = ContributionService.seen(h, viewer, comment.contributionId());
        return new Target(type, id, comment.authorName() + ": " + comment.body().substring(0, Math.min(80, comment.body().length())), seen);
    }

    /**
     * One flag per member per item. Once three approved members of the organisation's community have flagged
     * an item, it is hidden at once, pending a moderator's review.
     */
    public void flag(Viewer viewer, ItemType type, long id, FlagForm form) {
        long member = viewer.id();
        db.execute(h -> {
            var target = target(h, viewer, type, id);
            target.seen().access().requireNotBarred();
            var reason = form.parse();
            var flags = h.attach(FlagDao.class);
            if (flags.insert(type, id, member, reason, form.note(), clock.instant()) == 0) throw new HttpProblem.Conflict("error.alreadyFlagged");
            flags.countFlag(type.table, id);
            if (flags.fromApprovedMembers(type, id, target.organisationId()) >= AUTO_HIDE_FLAGS) {
                flags.setHidden(type.table, id, true, "");
                record(h, target.organisationId(), member, "flag.hidden", target.label(), reason.name(), clock.instant());
            }
        });
    }

    /** A moderator hides an item; its author reads the reason, everyone else sees that a moderator hid it. */
    public long hide(Viewer viewer, ItemType type, long id, String reason) {
        return moderate(viewer, type, id, "moderation.hidden", reason, (flags, target) -> {
            app.atelier.web.Invalid.unless(app.atelier.web.Errors.none().text("reason", reason, 500));
            flags.setHidden(type.table, id, true, reason);
            flags.resolve(type, id);
            flags.clearFlags(type.table, id);
        });
    }

    public long restore(Viewer viewer, ItemType type, long id) {
        return moderate(viewer, type, id, "moderation.restored", "", (flags, target) -> {
            flags.setHidden(type.table, id, false, "");
            flags.resolve(type, id);
            flags.clearFlags(type.table, id);
        });
    }

    public long dismissFlags(Viewer viewer, ItemType type, long id) {
        return moderate(viewer, type, id, "moderation.dismissed", "", (flags, target) -> {
            flags.resolve(type, id);
            flags.clearFlags(type.table, id);
        });
    }

    public List<FlaggedItem> queue(Viewer viewer, long organisationId) {
        return db.read(h -> {
            h.attach(app.atelier.organisation.OrganisationDao.class).find(organisationId).orElseThrow(HttpProblem.NotFound::new);
            if (OrganisationService.role(h, viewer, organisationId).isEmpty()) throw new HttpProblem.Forbidden();
            return h.attach(FlagDao.class).queue(organisationId);
        });
    }

    /** Returns the contribution the item belongs to, for the page to come back to. */
    private long moderate(Viewer viewer, ItemType type, long id, String action, String detail,
                          java.util.function.BiConsumer<FlagDao, Target> change) {
        long actor = viewer.id();
        return db.write(h -> {
            var target = target(h, viewer, type, id);
            if (!target.seen().access().staff()) throw new HttpProblem.Forbidden();
            change.accept(h.attach(FlagDao.class), target);
            record(h, target.organisationId(), actor, action, target.label(), detail, clock.instant());
            return target.seen().contribution().id();
        });
    }

    public List<OfficialResponse> responses(long contributionId) {
        return db.read(h -> h.attach(ResponseDao.class).ofContribution(contributionId));
    }

    /** The audit log, for the organisation's owner and managers. */
    public Paged<AuditEntry> audit(Viewer viewer, long organisationId, int page) {
        return db.read(h -> {
            h.attach(app.atelier.organisation.OrganisationDao.class).find(organisationId).orElseThrow(HttpProblem.NotFound::new);
            boolean manages = OrganisationService.role(h, viewer, organisationId).filter(StaffRole::manages).isPresent();
            if (!manages && !viewer.admin()) throw new HttpProblem.Forbidden();
            var log = h.attach(AuditLog.class);
            return new Paged<>(log.page(organisationId, AUDIT_PAGE_SIZE, Paged.offset(page, AUDIT_PAGE_SIZE)), page, log.count(organisationId), AUDIT_PAGE_SIZE);
        });
    }

    /** Writes one line of the audit log, inside the transaction of the action it records. */
    public static void record(Handle h, long organisationId, long actorId, String action, String subject, String detail, java.time.Instant now) {
        h.attach(AuditLog.class).record(organisationId, actorId, action, subject, null, detail, now);
    }

    /** A line whose subject is a member, named so that the name can be forgotten if they delete their account. */
    public static void recordAbout(Handle h, long organisationId, long actorId, String action, long memberId, String name, String detail,
                                   java.time.Instant now) {
        h.attach(AuditLog.class).record(organisationId, actorId, action, name, memberId, detail, now);
    }

    private static void merge(Handle h, Contribution duplicate, long originalId, java.time.Instant now) {
        var contributions = h.attach(ContributionDao.class);
        Contribution original = contributions.find(originalId)
                .filter(o -> o.challengeId() == duplicate.challengeId() && o.id() != duplicate.id() && o.status() != ContributionStatus.DUPLICATE)
                .orElseThrow(() -> Invalid.of("duplicateOf", "error.duplicateOf"));
        var votes = h.attach(VoteDao.class);
        votes.move(duplicate.id(), original.id(), original.authorId());
        votes.clear(duplicate.id());
        contributions.recountVotes(original.id(), Ranking.trending(votes.count(original.id()), original.createdAt()));
        contributions.recountVotes(duplicate.id(), Ranking.trending(0, duplicate.createdAt()));
        // A follower moves along only if they may open the original: in a confidential challenge, few may.
        var follows = h.attach(FollowDao.class);
        for (long follower : ContributionVisibility.readers(h, original.challengeId(), original.authorId(), follows.followers(duplicate.id()))) {
            follows.follow(original.id(), follower, now);
        }
        follows.clear(duplicate.id());
    }
}
