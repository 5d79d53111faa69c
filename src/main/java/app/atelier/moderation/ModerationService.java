package app.atelier.moderation;

import app.atelier.audit.Audit;
import app.atelier.audit.AuditEntry;
import app.atelier.audit.AuditLog;
import app.atelier.contribution.CommentDao;
import app.atelier.contribution.ContributionService;
import app.atelier.contribution.ItemType;
import app.atelier.db.Database;
import app.atelier.notification.Notice;
import app.atelier.notification.NotificationKind;
import app.atelier.notification.Notifier;
import app.atelier.notification.WebhookEvent;
import app.atelier.organisation.OrganisationAccess;
import app.atelier.recognition.KeptPoints;
import app.atelier.recognition.Level;
import app.atelier.web.Errors;
import app.atelier.web.HttpProblem;
import app.atelier.web.Invalid;
import app.atelier.web.Paged;
import app.atelier.web.Paths;
import app.atelier.web.Viewer;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import org.jdbi.v3.core.Handle;

/** Flags, hiding and restoring, the moderation queue, and the audit log as the staff read it. */
public final class ModerationService {
    public static final int AUDIT_PAGE_SIZE = 50;
    static final int AUTO_HIDE_FLAGS = 3;

    private final Database db;
    private final Clock clock;
    private final Notifier notifier;

    public ModerationService(Database db, Clock clock, Notifier notifier) {
        this.notifier = notifier;
        this.db = db;
        this.clock = clock;
    }

    /** The contribution or comment a moderation action is about, as the viewer may see it. */
    private record Target(ItemType type, long id, String label, ContributionService.Seen seen, long authorId, boolean hidden) {
        long organisationId() {
            return seen.access().challenge().organisationId();
        }
    }

    private static Target target(Handle h, Viewer viewer, ItemType type, long id) {
        if (type == ItemType.CONTRIBUTION) {
            var seen = ContributionService.seen(h, viewer, id);
            var contribution = seen.contribution();
            return new Target(type, id, "#" + id + " " + contribution.title(), seen, contribution.authorId(), contribution.hidden());
        }
        var comment = h.attach(CommentDao.class).find(id).filter(c -> !c.deleted()).orElseThrow(HttpProblem.NotFound::new);
        var seen = ContributionService.seen(h, viewer, comment.contributionId());
        return new Target(type, id, comment.authorName() + ": " + comment.body().substring(0, Math.min(80, comment.body().length())), seen,
                comment.authorId(), comment.hidden());
    }

    /**
     * One flag per member per item. Once three approved members of the organisation's community have flagged
     * an item, it is hidden at once, pending a moderator's review.
     */
    public void flag(Viewer viewer, ItemType type, long id, FlagForm form) {
        long member = viewer.id();
        db.execute(h -> {
            var target = target(h, viewer, type, id);
            var refusal = target.seen().access().flagRefusal(viewer, target.authorId(), target.hidden());
            if (refusal != null) throw refusal;
            var reason = form.parse();
            var flags = h.attach(FlagDao.class);
            if (flags.insert(type, id, member, reason, form.note(), clock.instant()) == 0) throw new HttpProblem.Conflict("error.alreadyFlagged");
            flags.countFlag(type.table(), id);
            notifier.notifyStaff(h, target.organisationId(), new Notice(NotificationKind.NEW_FLAG, member, viewer.name(), target.label(),
                    reason.key(), Paths.organisation(target.organisationId()) + "/moderation"),
                    clock.instant());
            notifier.webhooks().emit(h, target.organisationId(), WebhookEvent.FLAG_RAISED, Paths.organisation(target.organisationId()) + "/moderation",
                    Map.of("item", type.name(), "id", id, "label", target.label(), "reason", reason.name()), clock.instant());
            if (flags.fromApprovedMembers(type, id, target.organisationId(), Level.REGULAR.from(), Level.REGULAR.flagWeight()) >= AUTO_HIDE_FLAGS) {
                flags.setHidden(type.table(), id, true, "");
                KeptPoints.settle(h, clock.getZone(), target.seen().contribution().id());
                Audit.record(h, target.organisationId(), member, "flag.hidden", target.label(), reason.name(), clock.instant());
            }
        });
    }

    /** A moderator hides an item; its author reads the reason, everyone else sees that a moderator hid it. */
    public long hide(Viewer viewer, ItemType type, long id, String reason) {
        return moderate(viewer, type, id, "moderation.hidden", reason, (flags, target) -> {
            Invalid.unless(Errors.none().text("reason", reason, 500));
            flags.setHidden(type.table(), id, true, reason);
            flags.resolve(type, id);
            flags.clearFlags(type.table(), id);
        });
    }

    public long restore(Viewer viewer, ItemType type, long id) {
        return moderate(viewer, type, id, "moderation.restored", "", (flags, target) -> {
            flags.setHidden(type.table(), id, false, "");
            flags.resolve(type, id);
            flags.clearFlags(type.table(), id);
        });
    }

    public long dismissFlags(Viewer viewer, ItemType type, long id) {
        return moderate(viewer, type, id, "moderation.dismissed", "", (flags, target) -> {
            flags.resolve(type, id);
            flags.clearFlags(type.table(), id);
        });
    }

    public List<FlaggedItem> queue(Viewer viewer, long organisationId) {
        return db.read(h -> {
            var access = OrganisationAccess.of(h, viewer, organisationId);
            access.require(access.moderates());
            var flags = h.attach(FlagDao.class);
            var items = flags.queue(organisationId);
            var reports = new ArrayList<FlaggedItem.Report>();
            for (var type : ItemType.values()) {
                var ids = items.stream().filter(i -> i.itemType() == type && i.openFlags() > 0).map(FlaggedItem::id).toList();
                if (!ids.isEmpty()) reports.addAll(flags.reports(type, ids));
            }
            return items.stream().map(i -> i.withReports(reports)).toList();
        });
    }

    /** Returns the contribution the item belongs to, for the page to come back to. */
    private long moderate(Viewer viewer, ItemType type, long id, String action, String detail,
                          BiConsumer<FlagDao, Target> change) {
        long actor = viewer.id();
        return db.write(h -> {
            var target = target(h, viewer, type, id);
            if (!target.seen().access().moderates()) throw new HttpProblem.Forbidden();
            change.accept(h.attach(FlagDao.class), target);
            // Hidden, an item earns nothing; restored, it earns again.
            KeptPoints.settle(h, clock.getZone(), target.seen().contribution().id());
            Audit.record(h, target.organisationId(), actor, action, target.label(), detail, clock.instant());
            return target.seen().contribution().id();
        });
    }

    /** The audit log, for the organisation's staff: moderators read what they and the others decided. */
    public Paged<AuditEntry> audit(Viewer viewer, long organisationId, int page) {
        return db.read(h -> {
            var access = OrganisationAccess.of(h, viewer, organisationId);
            access.require(access.moderates());
            var log = h.attach(AuditLog.class);
            return new Paged<>(log.page(organisationId, AUDIT_PAGE_SIZE, Paged.offset(page, AUDIT_PAGE_SIZE)), page, log.count(organisationId), AUDIT_PAGE_SIZE);
        });
    }
}
