package app.atelier.contribution;

import app.atelier.db.Database;
import app.atelier.notification.Notice;
import app.atelier.notification.NotificationKind;
import app.atelier.notification.Notifier;
import app.atelier.notification.WebhookEvent;
import app.atelier.recognition.KeptPoints;
import app.atelier.web.HttpProblem;
import app.atelier.web.Invalid;
import app.atelier.web.Paths;
import app.atelier.web.RateLimit;
import app.atelier.web.Viewer;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Handle;

/** Threaded comments on contributions. */
public final class CommentService {
    private final Database db;
    private final Clock clock;
    private final Notifier notifier;

    private final RateLimit posting;

    public CommentService(Database db, Clock clock, Notifier notifier, RateLimit posting) {
        this.db = db;
        this.clock = clock;
        this.notifier = notifier;
        this.posting = posting;
    }

    /** A comment with the contribution it belongs to, as one viewer sees them. */
    public record Seen(Comment comment, ContributionService.Seen contribution) {
    }

    static final int FIRST_DAY_COMMENTS = 10;

    public long add(Viewer viewer, long contributionId, CommentForm form, String address) {
        long author = viewer.id();
        return db.write(h -> {
            var contribution = ContributionService.seen(h, viewer, contributionId);
            requireCommentsOpen(contribution);
            contribution.access().requireEligible();
            Long parentId = form.parentId();
            Long parentAuthor = null;
            if (parentId != null) {
                var parent = h.attach(CommentDao.class).find(parentId)
                        .filter(p -> p.contributionId() == contributionId && !p.deleted());
                if (parent.isEmpty()) throw Invalid.of("body", "error.noSuchComment");
                parentAuthor = parent.get().authorId();
            }
            form.validate();
            ContributionService.requireWithinFirstDay(h, author, "comment", FIRST_DAY_COMMENTS, "error.firstDayComments", clock.instant());
            posting.take(h, address, clock.instant());
            long id = h.attach(CommentDao.class).insert(contributionId, author, parentId, form.body(), clock.instant());
            h.attach(ContributionDao.class).countComment(contributionId, 1);
            var follows = h.attach(FollowDao.class);
            follows.follow(contributionId, author, clock.instant());
            String title = contribution.contribution().title();
            String link = Paths.comment(contributionId, id);
            long challengeId = contribution.access().challenge().id();
            long contributionAuthor = contribution.contribution().authorId();
            var followers = new ArrayList<>(ContributionVisibility.readers(h, challengeId, contributionAuthor, follows.followers(contributionId)));
            if (parentAuthor != null) {
                followers.remove(parentAuthor);
                notifier.notify(h, new Notice(NotificationKind.REPLY, author, viewer.name(), title, "", link),
                        ContributionVisibility.readers(h, challengeId, contributionAuthor, List.of(parentAuthor)), clock.instant());
            }
            notifier.notify(h, new Notice(NotificationKind.COMMENT, author, viewer.name(), title, "", link), followers, clock.instant());
            notifier.webhooks().emit(h, contribution.access().challenge().organisationId(), WebhookEvent.COMMENT_CREATED, link,
                    Map.of("id", id, "contributionId", contributionId, "contributionTitle", title, "parentId", parentId == null ? 0L : parentId,
                            "authorName", viewer.name(), "body", form.body()), clock.instant());
            return id;
        });
    }

    /**
     * A page of a contribution's threads, each whole: from the thread that holds {@code comment} if one is named,
     * else from the thread starting at {@code from}, else from the first.
     */
    public Discussion discussion(long contributionId, Long from, Long comment) {
        return db.read(h -> {
            var comments = h.attach(CommentDao.class);
            long start = comment != null ? comments.threadStart(contributionId, comment).orElse(0L) : from != null ? from : 0;
            var starts = comments.threadStarts(contributionId, start, Discussion.THREADS + 1);
            if (starts.isEmpty()) return new Discussion(List.of(), start > 0, null);
            var shown = starts.subList(0, Math.min(starts.size(), Discussion.THREADS));
            var threads = CommentThread.of(comments.threads(contributionId, shown.get(0), shown.get(shown.size() - 1)));
            return new Discussion(threads, start > 0, starts.size() > Discussion.THREADS ? starts.get(Discussion.THREADS) : null);
        });
    }

    /** A comment as the viewer may read it, with its contribution: for the page of what they may do with it. */
    public Seen seen(Viewer viewer, long commentId) {
        return db.read(h -> {
            var comment = h.attach(CommentDao.class).find(commentId).filter(c -> !c.deleted()).orElseThrow(HttpProblem.NotFound::new);
            var contribution = ContributionService.seen(h, viewer, comment.contributionId());
            if (comment.hidden() && !contribution.readsHidden(viewer, comment)) throw new HttpProblem.NotFound();
            return new Seen(comment, contribution);
        });
    }

    /** The author's own comment, for editing. */
    public Seen own(Viewer viewer, long commentId) {
        return db.read(h -> own(h, viewer, commentId));
    }

    public void edit(Viewer viewer, long commentId, CommentForm form) {
        db.execute(h -> {
            var seen = own(h, viewer, commentId);
            var refusal = seen.contribution().commentChangeRefusal(viewer, seen.comment(), true);
            if (refusal != null) throw refusal;
            form.validate();
            h.attach(CommentDao.class).update(commentId, form.body(), clock.instant());
        });
    }

    /** The organisation's staff mark someone else's comment helpful, once; it earns its author recognition. */
    public long markHelpful(Viewer viewer, long commentId) {
        return db.write(h -> {
            var comments = h.attach(CommentDao.class);
            var comment = comments.find(commentId).filter(c -> !c.deleted()).orElseThrow(HttpProblem.NotFound::new);
            var contribution = ContributionService.seen(h, viewer, comment.contributionId());
            if (comment.helpful()) throw new HttpProblem.Conflict("comment.alreadyHelpful");
            if (!contribution.mayMarkHelpful(viewer, comment)) throw new HttpProblem.Forbidden();
            if (comments.markHelpful(commentId, clock.instant()) == 0) throw new HttpProblem.Conflict("comment.alreadyHelpful");
            KeptPoints.settle(h, clock.getZone(), comment.contributionId());
            return comment.contributionId();
        });
    }

    /** Deletes the author's comment; one with replies stays in the thread, marked deleted. Returns its contribution. */
    public long delete(Viewer viewer, long commentId) {
        return db.write(h -> {
            var seen = own(h, viewer, commentId);
            var refusal = seen.contribution().commentChangeRefusal(viewer, seen.comment(), false);
            if (refusal != null) throw refusal;
            var comments = h.attach(CommentDao.class);
            if (comments.hasReplies(commentId)) comments.markDeleted(commentId, clock.instant());
            else comments.delete(commentId);
            h.attach(ContributionDao.class).countComment(seen.comment().contributionId(), -1);
            if (seen.comment().helpful()) KeptPoints.settle(h, clock.getZone(), seen.comment().contributionId());
            return seen.comment().contributionId();
        });
    }

    private static Seen own(Handle h, Viewer viewer, long commentId) {
        var comment = h.attach(CommentDao.class).find(commentId).filter(c -> !c.deleted()).orElseThrow(HttpProblem.NotFound::new);
        var contribution = ContributionService.seen(h, viewer, comment.contributionId());
        if (!viewer.is(comment.authorId())) throw new HttpProblem.Forbidden();
        return new Seen(comment, contribution);
    }

    private static void requireCommentsOpen(ContributionService.Seen contribution) {
        if (!contribution.access().challenge().state().acceptsComments()) throw new HttpProblem.Conflict("error.commentsClosed");
    }
}
