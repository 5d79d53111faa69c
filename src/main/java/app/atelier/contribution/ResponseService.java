package app.atelier.contribution;

import app.atelier.audit.Audit;
import app.atelier.db.Database;
import app.atelier.db.Like;
import app.atelier.notification.Notice;
import app.atelier.notification.NotificationKind;
import app.atelier.notification.Notifier;
import app.atelier.notification.WebhookEvent;
import app.atelier.recognition.KeptPoints;
import app.atelier.web.HttpProblem;
import app.atelier.web.Invalid;
import app.atelier.web.Paths;
import app.atelier.web.Viewer;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jdbi.v3.core.Handle;

/** Official responses: every change of a contribution's status, written out, and duplicates merged into their original. */
public final class ResponseService {
    private final Database db;
    private final Clock clock;
    private final Notifier notifier;

    public ResponseService(Database db, Clock clock, Notifier notifier) {
        this.db = db;
        this.clock = clock;
        this.notifier = notifier;
    }

    /**
     * The organisation's staff change a contribution's status, always with a written response. Marking a
     * duplicate merges it into its original: its votes (never twice for one member) and followers move along.
     */
    public void respond(Viewer viewer, long contributionId, ResponseForm form) {
        db.execute(h -> respond(h, viewer, contributionId, form));
    }

    /** The same response, inside a write transaction a feature above has opened: an agreement recorded accepts its proposal. */
    public void respond(Handle h, Viewer viewer, long contributionId, ResponseForm form) {
        long actor = viewer.id();
        var seen = ContributionService.seen(h, viewer, contributionId);
        if (!seen.access().staff()) throw new HttpProblem.Forbidden();
        var contribution = seen.contribution();
        if (contribution.status() == ContributionStatus.DUPLICATE) throw new HttpProblem.Conflict("error.alreadyMerged");
        var parsed = form.parse();
        if (!parsed.status().mayFollow(contribution.status())) throw Invalid.of("status", "error.dropOnlyTaken");
        if (parsed.duplicateOf() != null) merge(h, contribution, parsed.duplicateOf(), clock.instant());
        h.attach(ContributionDao.class).respond(contributionId, parsed.status(), ContributionService.excerpt(parsed.body()), parsed.duplicateOf());
        h.attach(ResponseDao.class).insert(contributionId, actor, parsed.status(), parsed.body(), clock.instant());
        KeptPoints.settle(h, clock.getZone(), contributionId);
        if (parsed.duplicateOf() != null) KeptPoints.settle(h, clock.getZone(), parsed.duplicateOf());
        Audit.record(h, seen.access().challenge().organisationId(), actor, "response." + parsed.status().name().toLowerCase(Locale.ROOT),
                "#" + contributionId + " " + contribution.title(), parsed.body(), clock.instant());
        var recipients = new ArrayList<>(h.attach(FollowDao.class).followers(parsed.duplicateOf() != null ? parsed.duplicateOf() : contributionId));
        recipients.add(contribution.authorId());
        notifier.notify(h, new Notice(NotificationKind.RESPONSE, actor, viewer.name(), contribution.title(),
                parsed.status().key(), Paths.contribution(contributionId) + "#responses"),
                ContributionVisibility.readers(h, contribution.challengeId(), contribution.authorId(), recipients), clock.instant());
        notifier.webhooks().emit(h, seen.access().challenge().organisationId(), WebhookEvent.OFFICIAL_RESPONSE, Paths.contribution(contributionId) + "#responses",
                Map.of("contributionId", contributionId, "contributionTitle", contribution.title(), "status", parsed.status().name(), "body", parsed.body(),
                        "authorName", viewer.name()), clock.instant());
    }

    /** How many contributions the merge picker offers at once. */
    static final int ORIGINALS = 30;

    /** What the merge picker offers the staff: the contributions this one may be merged into, found by words of their title. */
    public record Originals(String query, List<ContributionSummary> found) {
        public static final Originals NONE = new Originals("", List.of());
    }

    public Originals originals(ContributionService.Seen seen, String query) {
        var contribution = seen.contribution();
        if (!seen.access().staff() || contribution.status() == ContributionStatus.DUPLICATE) return Originals.NONE;
        String words = query.strip();
        String pattern = "%" + Like.literal(words.toLowerCase(Locale.ROOT)) + "%";
        return new Originals(words, db.read(h -> h.attach(ContributionDao.class).originals(contribution.challengeId(), contribution.id(), pattern, ORIGINALS)));
    }

    public List<OfficialResponse> responses(long contributionId) {
        return db.read(h -> h.attach(ResponseDao.class).ofContribution(contributionId));
    }

    private static void merge(Handle h, Contribution duplicate, long originalId, Instant now) {
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
