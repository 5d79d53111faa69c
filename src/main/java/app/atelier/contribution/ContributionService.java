package app.atelier.contribution;

import app.atelier.audit.Audit;
import app.atelier.challenge.Challenge;
import app.atelier.challenge.ChallengeDao;
import app.atelier.challenge.ChallengeService;
import app.atelier.challenge.ChallengeState;
import app.atelier.db.Database;
import app.atelier.notification.NotificationKind;
import app.atelier.notification.Notifier;
import app.atelier.recognition.Recognition;
import app.atelier.web.Csv;
import app.atelier.web.Cursor;
import app.atelier.web.HttpProblem;
import app.atelier.web.Invalid;
import app.atelier.web.Markdown;
import app.atelier.web.Paths;
import app.atelier.web.RateLimit;
import app.atelier.web.Slice;
import app.atelier.web.Viewer;
import java.io.IOException;
import java.io.Writer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import org.jdbi.v3.core.Handle;

/** Contributions to challenges and the votes on them. */
public final class ContributionService {
    public static final int PAGE_SIZE = 20;
    private static final int PROFILE_LIMIT = 50;

    private final Database db;
    private final Clock clock;
    private final RateLimit posting;
    private final Notifier notifier;

    public ContributionService(Database db, Clock clock, RateLimit posting, Notifier notifier) {
        this.db = db;
        this.clock = clock;
        this.posting = posting;
        this.notifier = notifier;
    }

    /** A contribution as one viewer sees it, with the challenge it answers. */
    public record Seen(Contribution contribution, ChallengeService.Access access, boolean voted, boolean following) {
        public boolean mine(Viewer viewer) {
            return viewer.is(contribution.authorId());
        }

        /** Members vote while the challenge takes votes, never on their own contribution. */
        public VoteBox voteBox(Viewer viewer, String back) {
            boolean canVote = access.challenge().state().acceptsVotes() && access.eligibility().allowed() && !mine(viewer);
            return VoteBox.of(contribution.id(), contribution.title(), contribution.hidden(), contribution.status(),
                    contribution.voteCount(), voted, canVote, back);
        }
    }

    /** A page of a challenge's contributions, with those among them the viewer voted for. */
    /** @param votesLeft what remains of the viewer's vote budget, or null when there is no budget */
    public record Listing(Slice<ContributionSummary> page, Sort sort, ContributionStatus status, Set<Long> voted,
                          Integer votesLeft, Integer voteBudget) {
        /** The list's address with its sort and status: its first page. */
        public String address(long challengeId) {
            return Paths.challenge(challengeId) + "?sort=" + sort.param() + (status == null ? "" : "&status=" + status.name());
        }
    }

    /** New members may post this much on their first day; after that, only the per-address rate applies. */
    static final int FIRST_DAY_CONTRIBUTIONS = 3;
    /** How much of a contribution's text lists show. */
    public static final int EXCERPT = 240;
    static final int FILLED_AT_ONCE = 1_000;
    static final Duration FIRST_DAY = Duration.ofDays(1);

    public long submit(Viewer viewer, long challengeId, ContributionForm form, String address) {
        long author = viewer.id();
        return db.write(h -> {
            var access = ChallengeService.access(h, viewer, challengeId);
            var challenge = access.challenge();
            if (!challenge.state().acceptsContributions()) throw new HttpProblem.Conflict("error.notOpen");
            access.requireEligible();
            var kind = form.validKind(challenge);
            Instant now = clock.instant();
            acceptTermsOnce(h, challenge, author, form.acceptsTerms(), now);
            requireWithinFirstDay(h, author, "contribution", FIRST_DAY_CONTRIBUTIONS, "error.firstDayContributions", now);
            posting.take(h, address, now);
            long id = h.attach(ContributionDao.class).insert(challengeId, author, kind, form.title(), form.body(), excerpt(form.body()),
                    Ranking.trending(0, now), ThreadLocalRandom.current().nextLong(Sort.SPAN), now);
            h.attach(ChallengeDao.class).countContribution(challengeId);
            h.attach(FollowDao.class).follow(id, author, now);
            return id;
        });
    }

    private static String excerpt(String body) {
        return Markdown.plainText(body, EXCERPT);
    }

    /**
     * Writes the excerpts of contributions written before excerpts were kept, {@value #FILLED_AT_ONCE} at a time,
     * each batch read on a read connection and written in a short transaction of its own; returns how many.
     */
    public int fillExcerpts() {
        int filled = 0;
        long after = 0;
        while (true) {
            long from = after;
            var rows = db.read(h -> h.attach(ContributionDao.class).withoutExcerpt(from, FILLED_AT_ONCE));
            if (rows.isEmpty()) return filled;
            var ids = rows.stream().map(ContributionDao.Unexcerpted::id).toList();
            var excerpts = rows.stream().map(row -> excerpt(row.body())).toList();
            db.execute(h -> h.attach(ContributionDao.class).setExcerpts(ids, excerpts));
            filled += rows.size();
            after = ids.get(ids.size() - 1);
        }
    }

    /** A challenge's contributions for a spreadsheet, once its staff's right to them has been checked. */
    public interface Export {
        void writeTo(Writer out) throws IOException;
    }

    /**
     * A challenge's contributions as CSV, for the staff who moderate or manage it: written row by row as they are
     * read, so that a hundred thousand take no more memory than ten.
     */
    public Export export(Viewer viewer, long challengeId) {
        var access = db.read(h -> ChallengeService.access(h, viewer, challengeId));
        if (!access.moderates()) throw new HttpProblem.Forbidden();
        return out -> {
            var csv = new Csv(out).row("id", "title", "kind", "status", "votes", "comments", "author", "submitted", "hidden", "link");
            db.read(h -> {
                try (var rows = h.attach(ContributionDao.class).export(challengeId).stream()) {
                    rows.forEach(r -> csv.row(r.id(), r.title(), r.kind().name(), r.status().name(), r.voteCount(), r.commentCount(),
                            r.authorName(), r.createdAt().toString(), r.hidden() ? "yes" : "no", Paths.contribution(r.id())));
                }
                return null;
            });
            out.flush();
        };
    }

    /** The author's own contribution, while its challenge is open and it can still be edited. */
    public Seen editable(Viewer viewer, long contributionId) {
        return db.read(h -> editable(h, viewer, contributionId));
    }

    public void edit(Viewer viewer, long contributionId, ContributionForm form) {
        db.execute(h -> {
            var challenge = editable(h, viewer, contributionId).access().challenge();
            h.attach(ContributionDao.class).update(contributionId, form.validKind(challenge), form.title(), excerpt(form.body()), form.body(), clock.instant());
        });
    }

    /** One vote per member per contribution, never on one's own; the count on the row moves in the same transaction. */
    public VoteBox vote(Viewer viewer, long contributionId) {
        return changeVote(viewer, contributionId, true);
    }

    public VoteBox unvote(Viewer viewer, long contributionId) {
        return changeVote(viewer, contributionId, false);
    }

    public Seen view(Viewer viewer, long contributionId) {
        return db.read(h -> seen(h, viewer, contributionId));
    }

    /**
     * A page of a challenge's contributions after a cursor (null for the first), for a viewer whose access to the
     * challenge was just read; with no order asked for, random while voting, else top first.
     */
    public Listing list(Viewer viewer, ChallengeService.Access access, Sort asked, ContributionStatus status, Cursor after) {
        var challenge = access.challenge();
        Sort sort = asked != null ? asked : challenge.state() == ChallengeState.VOTING ? Sort.RANDOM : Sort.TOP;
        return db.read(h -> {
            var page = Slice.of(rows(h.attach(ContributionDao.class), viewer, access, sort, status, after), PAGE_SIZE, after, sort::cursorAfter);
            var items = page.items();
            Set<Long> voted = viewer.signedIn()
                    ? h.attach(VoteDao.class).votedAmong(viewer.id(), items.stream().map(ContributionSummary::id).toList())
                    : Set.of();
            Integer budget = challenge.voteBudget();
            Integer left = budget == null || !viewer.signedIn() ? null
                    : (int) Math.max(0, budget - h.attach(VoteDao.class).usedIn(challenge.id(), viewer.id()));
            return new Listing(page, sort, status, voted, left, budget);
        });
    }

    /**
     * Up to one row more than a page, to tell whether another follows. A shuffle reads from the viewer's start to
     * the last place, then from the first place up to the start.
     */
    private static List<ContributionSummary> rows(ContributionDao contributions, Viewer viewer, ChallengeService.Access access, Sort sort,
                                                  ContributionStatus status, Cursor after) {
        long challengeId = access.challenge().id();
        boolean onlyOwn = !access.seesAllContributions(viewer);
        String only = onlyOwn ? "AND k.author_id = :authorId" : status != null ? "AND k.status = :status" : "";
        long author = viewer.signedIn() ? viewer.id() : -1;
        Rows read = (from, low, high, limit) ->
                contributions.page(challengeId, only, sort.after(), sort.orderBy(), status, author, from.key(), from.id(), low, high, limit);
        if (sort != Sort.RANDOM) return read.after(Cursor.orTop(after), 0, 0, PAGE_SIZE + 1);
        long start = Sort.start(challengeId * 31 + author);
        boolean firstRound = after == null || after.key() > start - 1;
        var rows = new ArrayList<ContributionSummary>();
        if (firstRound) rows.addAll(read.after(after != null ? after : new Cursor(start - 0.5, Long.MAX_VALUE), start, Sort.SPAN - 1, PAGE_SIZE + 1));
        if (rows.size() <= PAGE_SIZE) {
            rows.addAll(read.after(firstRound ? new Cursor(-0.5, Long.MAX_VALUE) : after, 0, start - 1, PAGE_SIZE + 1 - rows.size()));
        }
        return rows;
    }

    /** Up to {@code limit} rows after a cursor, among those whose shuffle place is between low and high. */
    private interface Rows {
        List<ContributionSummary> after(Cursor from, long low, long high, int limit);
    }

    /** Members follow contributions to hear of their comments and official responses. */
    public boolean follow(Viewer viewer, long contributionId, boolean follow) {
        long member = viewer.id();
        db.execute(h -> {
            seen(h, viewer, contributionId).access().requireNotBarred();
            var follows = h.attach(FollowDao.class);
            if (follow) follows.follow(contributionId, member, clock.instant());
            else follows.unfollow(contributionId, member);
        });
        return follow;
    }

    /** A member's latest contributions, those the viewer may open. */
    public List<ContributionSummary> byAuthor(Viewer viewer, long authorId) {
        return db.read(h -> ContributionVisibility.visible(h, viewer, h.attach(ContributionDao.class).byAuthor(authorId, PROFILE_LIMIT)));
    }

    /**
     * Who may vote is worked out on a read connection first; the single writer then only checks again what a vote
     * depends on and can change under it (the challenge's state, the contribution's), and counts the vote.
     */
    private VoteBox changeVote(Viewer viewer, long contributionId, boolean up) {
        long member = viewer.id();
        var seen = view(viewer, contributionId);
        if (seen.mine(viewer)) throw new HttpProblem.Forbidden("error.ownVote");
        seen.access().requireEligible();
        var challenge = seen.access().challenge();
        return db.write(h -> {
            var contributions = h.attach(ContributionDao.class);
            var contribution = contributions.find(contributionId).orElseThrow(HttpProblem.NotFound::new);
            if (!contributions.challengeState(contributionId).acceptsVotes()) throw new HttpProblem.Conflict("error.votingClosed");
            if (contribution.hidden() || contribution.status() == ContributionStatus.DUPLICATE) {
                throw new HttpProblem.Conflict("error.noVoteHere");
            }
            var votes = h.attach(VoteDao.class);
            if (up && !seen.voted() && challenge.voteBudget() != null && votes.usedIn(challenge.id(), member) >= challenge.voteBudget()) {
                throw new HttpProblem.Conflict("error.noVotesLeft", challenge.voteBudget());
            }
            int changed = up ? votes.insert(contributionId, member, clock.instant()) : votes.delete(contributionId, member);
            long count = contribution.voteCount() + (up ? changed : -changed);
            if (changed > 0) {
                h.attach(ContributionDao.class).countVote(contributionId, up ? 1 : -1, Ranking.trending(count, contribution.createdAt()));
                if (up) reviewWhenThresholdReached(h, challenge, contribution, count, viewer);
            }
            return VoteBox.of(contributionId, contribution.title(), false, contribution.status(), count, up, true, "");
        });
    }

    /** A contributor accepts the challenge's terms, in their current version, once, before their first contribution. */
    private static void acceptTermsOnce(Handle h, Challenge challenge, long member, boolean accepts, Instant now) {
        if (!challenge.hasTerms() || acceptedTerms(h, challenge, member)) return;
        if (!accepts) throw Invalid.of("acceptTerms", "error.acceptTerms");
        h.attach(PostingDao.class).acceptTerms(challenge.id(), member, challenge.termsVersion(), now);
    }

    private static boolean acceptedTerms(Handle h, Challenge challenge, long member) {
        return h.attach(PostingDao.class).acceptedTerms(challenge.id(), member, challenge.termsVersion());
    }

    public boolean acceptedTerms(Viewer viewer, Challenge challenge) {
        return viewer.signedIn() && db.read(h -> acceptedTerms(h, challenge, viewer.id()));
    }

    /**
     * Refuses a member's post beyond {@code max} of this kind in their first day on the platform, unless what they
     * did already earned them the level that lifts first-day limits.
     * @param table "contribution" or "comment", never from a request
     */
    static void requireWithinFirstDay(Handle h, long memberId, String table, int max, String messageKey, Instant now) {
        Instant since = now.minus(FIRST_DAY);
        var posting = h.attach(PostingDao.class);
        if (posting.joinedSince(memberId, since) && posting.postedSince(table, memberId, since) >= max
                && !Recognition.level(h, memberId).liftsFirstDayLimits()) {
            throw new HttpProblem.Limited(messageKey, max);
        }
    }

    /** A submitted contribution that reaches the challenge's threshold goes under review, with an automatic response. */
    private void reviewWhenThresholdReached(Handle h, Challenge challenge, Contribution contribution, long votes,
                                            Viewer voter) {
        Integer threshold = challenge.reviewThreshold();
        if (threshold == null || votes < threshold || contribution.status() != ContributionStatus.SUBMITTED) return;
        h.attach(ContributionDao.class).respond(contribution.id(), ContributionStatus.UNDER_REVIEW, "", null);
        h.attach(ResponseDao.class).insertAutomatic(contribution.id(), challenge.id(), ContributionStatus.UNDER_REVIEW,
                Long.toString(votes), clock.instant());
        // The change is the platform's, made by the vote that crossed the threshold: the log says so.
        Audit.record(h, challenge.organisationId(), voter.id(), "response.automatic",
                "#" + contribution.id() + " " + contribution.title(), Long.toString(votes), clock.instant());
        var recipients = new ArrayList<>(h.attach(FollowDao.class).followers(contribution.id()));
        recipients.add(contribution.authorId());
        notifier.notify(h, NotificationKind.RESPONSE,
                ContributionVisibility.readers(h, challenge.id(), contribution.authorId(), recipients), -1, challenge.organisationName(),
                contribution.title(), ContributionStatus.UNDER_REVIEW.key(), Paths.contribution(contribution.id()) + "#responses", clock.instant());
    }

    private static Seen editable(Handle h, Viewer viewer, long contributionId) {
        var seen = seen(h, viewer, contributionId);
        if (!seen.mine(viewer)) throw new HttpProblem.Forbidden();
        if (!seen.access().challenge().state().acceptsContributions()) throw new HttpProblem.Conflict("error.notOpen");
        seen.access().requireEligible();
        return seen;
    }

    /** A contribution is seen by whoever may see its challenge. */
    public static Seen seen(Handle h, Viewer viewer, long contributionId) {
        var contributions = h.attach(ContributionDao.class);
        var contribution = contributions.find(contributionId).orElseThrow(HttpProblem.NotFound::new);
        var access = ChallengeService.access(h, viewer, contribution.challengeId());
        if (!access.seesContributionsOf(viewer, contribution.authorId())) throw new HttpProblem.NotFound();
        if (contribution.duplicateOf() != null && !contributions.find(contribution.duplicateOf())
                .filter(o -> access.seesContributionsOf(viewer, o.authorId())).isPresent()) {
            contribution = contribution.withOriginalUnnamed();
        }
        boolean voted = viewer.signedIn() && !h.attach(VoteDao.class).votedAmong(viewer.id(), List.of(contributionId)).isEmpty();
        boolean following = viewer.signedIn() && h.attach(FollowDao.class).follows(contributionId, viewer.id());
        return new Seen(contribution, access, voted, following);
    }
}
