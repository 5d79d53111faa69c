package app.atelier.contribution;

import app.atelier.audit.Audit;
import app.atelier.challenge.Challenge;
import app.atelier.challenge.ChallengeDao;
import app.atelier.challenge.ChallengeService;
import app.atelier.challenge.ChallengeState;
import app.atelier.challenge.ContributionKind;
import app.atelier.challenge.Question;
import app.atelier.challenge.QuestionService;
import app.atelier.db.Database;
import app.atelier.db.FullText;
import app.atelier.image.ImageStore;
import app.atelier.notification.Notice;
import app.atelier.notification.NotificationKind;
import app.atelier.notification.Notifier;
import app.atelier.notification.WebhookEvent;
import app.atelier.recognition.KeptPoints;
import app.atelier.recognition.Recognition;
import app.atelier.web.Csv;
import app.atelier.web.Cursor;
import app.atelier.web.HttpProblem;
import app.atelier.web.Invalid;
import app.atelier.web.Markdown;
import app.atelier.web.Paths;
import app.atelier.web.RateLimit;
import app.atelier.web.Slice;
import app.atelier.web.Text;
import app.atelier.web.Viewer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Handle;

/** Contributions to challenges and the votes on them. */
public final class ContributionService {
    public static final int PAGE_SIZE = 20;
    private static final int PROFILE_LIMIT = 50;

    private final Database db;
    private final Clock clock;
    private final RateLimit posting;
    private final Notifier notifier;
    private final ImageStore store;

    public ContributionService(Database db, Clock clock, RateLimit posting, Notifier notifier, ImageStore store) {
        this.store = store;
        this.db = db;
        this.clock = clock;
        this.posting = posting;
        this.notifier = notifier;
    }

    /** A contribution as one viewer sees it, with the challenge it answers. */
    public record Seen(Contribution contribution, ChallengeService.Access access, boolean voted, boolean following, Integer votesLeft) {
        public boolean mine(Viewer viewer) {
            return viewer.is(contribution.authorId());
        }

        /** Why the viewer may not edit the contribution, or null: its author, while the challenge takes contributions and they may take part. */
        public HttpProblem editRefusal(Viewer viewer) {
            if (!mine(viewer)) return new HttpProblem.Forbidden();
            if (!access.challenge().state().acceptsContributions()) return new HttpProblem.Conflict("error.notOpen");
            return access.ineligibility();
        }

        public boolean mayEdit(Viewer viewer) {
            return editRefusal(viewer) == null;
        }

        public boolean mayFlag(Viewer viewer) {
            return access.mayFlag(viewer, contribution.authorId(), contribution.hidden());
        }

        /** Why the viewer may not change (edit, or with {@code editing} false delete) a comment here, or null: its author, not barred. */
        public HttpProblem commentChangeRefusal(Viewer viewer, Comment comment, boolean editing) {
            if (!viewer.is(comment.authorId())) return new HttpProblem.Forbidden();
            if (editing && !access.challenge().state().acceptsComments()) return new HttpProblem.Conflict("error.commentsClosed");
            return access.barred() ? access.ineligibility() : null;
        }

        public boolean mayEditComment(Viewer viewer, Comment comment) {
            return commentChangeRefusal(viewer, comment, true) == null;
        }

        public boolean mayDeleteComment(Viewer viewer, Comment comment) {
            return commentChangeRefusal(viewer, comment, false) == null;
        }

        /** The organisation's staff mark someone else's comment helpful, once. */
        public boolean mayMarkHelpful(Viewer viewer, Comment comment) {
            return access.moderates() && !viewer.is(comment.authorId()) && !comment.helpful();
        }

        /** A hidden comment reads as hidden to all but its author and the moderators. */
        public boolean readsHidden(Viewer viewer, Comment comment) {
            return access.moderates() || viewer.is(comment.authorId());
        }

        public boolean mayFlag(Viewer viewer, Comment comment) {
            return access.mayFlag(viewer, comment.authorId(), comment.hidden());
        }

        /** Whether the comment's own page of actions (report, mark helpful, hide or restore) has one for the viewer. */
        public boolean hasCommentActions(Viewer viewer, Comment comment) {
            return mayFlag(viewer, comment) || mayMarkHelpful(viewer, comment) || access.moderates();
        }

        /** Members vote while the challenge takes votes, never on their own contribution nor on their own organisation's. */
        public VoteBox voteBox(Viewer viewer, String back) {
            return VoteBox.of(contribution.id(), contribution.title(), contribution.hidden(), contribution.status(),
                    contribution.voteCount(), voted, access.mayVote(viewer, contribution.authorId()), votesLeft, back);
        }
    }

    /**
     * A page of a challenge's contributions, with those among them the viewer voted for.
     *
     * @param votesLeft what remains of the viewer's vote budget, or null when there is no budget
     * @param thumbnails the first image of each design on the page, by contribution
     */
    public record Listing(Slice<ContributionSummary> page, Sort sort, ContributionStatus status, Set<Long> voted,
                          Integer votesLeft, Integer voteBudget, Map<Long, Long> thumbnails) {
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

    /**
     * Saves a new contribution of any kind with what its kind adds. A design's images are checked and kept before
     * the write transaction, which then only records them; if it fails, their files go.
     */
    public long submit(Viewer viewer, long challengeId, ContributionForm form, String address) {
        long author = viewer.id();
        // Checked first on a read connection, so that images are kept only for a form that can be saved.
        var challenge = db.read(h -> {
            var access = ChallengeService.access(h, viewer, challengeId);
            if (!access.challenge().state().acceptsContributions()) throw new HttpProblem.Conflict("error.notOpen");
            access.requireEligible();
            return access.challenge();
        });
        form.parse(challenge, db.read(h -> QuestionService.Asked.of(h, challengeId)), 0);
        if (form.mayRepeat()) {
            var like = similar(viewer, challengeId, form.title());
            if (!like.isEmpty()) throw new LooksLikeOthers(like);
        }
        var images = keep(form.images());
        try {
            return db.write(h -> {
                var access = ChallengeService.access(h, viewer, challengeId);
                if (!access.challenge().state().acceptsContributions()) throw new HttpProblem.Conflict("error.notOpen");
                access.requireEligible();
                var checked = form.parse(access.challenge(), QuestionService.Asked.of(h, challengeId), 0);
                Instant now = clock.instant();
                acceptTermsOnce(h, access.challenge(), author, form.acceptsTerms(), now);
                var answers = h.attach(AnswerDao.class);
                if (ONCE.contains(checked.kind()) && answers.ownOfKind(challengeId, author, checked.kind()).isPresent()) {
                    throw new HttpProblem.Conflict("error.answeredOnce");
                }
                requireWithinFirstDay(h, author, "contribution", FIRST_DAY_CONTRIBUTIONS, "error.firstDayContributions", now);
                posting.take(h, address, now);
                long id = h.attach(ContributionDao.class).insert(challengeId, author, checked.kind(), checked.title(), checked.body(),
                        excerpt(checked.body()), checked.rating(), Ranking.trending(0, now), ThreadLocalRandom.current().nextLong(Sort.SPAN), now);
                saveDetails(h, id, checked, images, now);
                h.attach(ChallengeDao.class).countContribution(challengeId);
                KeptPoints.settle(h, clock.getZone(), id);
                h.attach(FollowDao.class).follow(id, author, now);
                notifier.notifyStaff(h, access.challenge().organisationId(), new Notice(NotificationKind.NEW_CONTRIBUTION, author, viewer.name(), checked.title(),
                        checked.kind().key(), Paths.contribution(id)),
                        now);
                notifier.webhooks().emit(h, access.challenge().organisationId(), WebhookEvent.CONTRIBUTION_CREATED, Paths.contribution(id),
                        Map.of("id", id, "challengeId", challengeId, "challengeTitle", access.challenge().title(), "kind", checked.kind().name(),
                                "title", checked.title(), "authorName", viewer.name()), now);
                return id;
            });
        } catch (RuntimeException refused) {
            images.forEach(i -> store.delete(i.file(), i.mediaType()));
            throw refused;
        }
    }

    /** A new contribution not saved because others already say much the same; the contributor decides. */
    public static final class LooksLikeOthers extends RuntimeException {
        private final transient List<ContributionSummary> similar;

        LooksLikeOthers(List<ContributionSummary> similar) {
            super("similar contributions exist", null, false, false);
            this.similar = similar;
        }

        public List<ContributionSummary> similar() {
            return similar;
        }
    }

    /** The kinds a contributor writes once per challenge: a questionnaire is filled, hypotheses answered, once. */
    static final Set<ContributionKind> ONCE = EnumSet.of(ContributionKind.TEST_REPORT, ContributionKind.VALIDATION);

    private List<ImageStore.Stored> keep(List<ContributionForm.Upload> uploads) {
        var kept = new ArrayList<ImageStore.Stored>();
        try {
            for (var upload : uploads) {
                try (var content = upload.open()) {
                    kept.add(store.keep(content));
                }
            }
            return kept;
        } catch (IOException | RuntimeException e) {
            kept.forEach(i -> store.delete(i.file(), i.mediaType()));
            if (e instanceof RuntimeException r) throw r;
            throw new UncheckedIOException((IOException) e);
        }
    }

    private static void saveDetails(Handle h, long id, ContributionForm.Parsed checked, List<ImageStore.Stored> images, Instant now) {
        var answers = h.attach(AnswerDao.class);
        answers.deleteReport(id);
        answers.deleteValidation(id);
        answers.insertReport(id, checked.report());
        answers.insertValidation(id, checked.validation());
        if (checked.proposal() != null) answers.saveProposal(id, checked.proposal());
        for (var i : images) answers.insertImage(id, i.file(), i.mediaType(), i.size(), i.width(), i.height(), now);
    }

    /** What lists show of a text: its words without Markdown, cut at a word. */
    static String excerpt(String body) {
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
            var responses = rows.stream().map(row -> row.response() == null ? "" : excerpt(row.response())).toList();
            db.execute(h -> h.attach(ContributionDao.class).setExcerpts(ids, excerpts, responses));
            filled += rows.size();
            after = ids.get(ids.size() - 1);
        }
    }

    /** A challenge's contributions for a spreadsheet, once its staff's right to them has been checked. */
    public interface Export {
        /** Writes the export; names of former members are written in the reader's language, links in full from {@code baseUrl}. */
        void writeTo(Writer out, Text text, String baseUrl) throws IOException;
    }

    /**
     * A challenge's contributions as CSV, for the staff who moderate or manage it: written row by row as they are
     * read, so that a hundred thousand take no more memory than ten.
     */
    public Export export(Viewer viewer, long challengeId) {
        var access = db.read(h -> ChallengeService.access(h, viewer, challengeId));
        if (!access.moderates()) throw new HttpProblem.Forbidden();
        return (out, text, baseUrl) -> {
            var csv = new Csv(out).row("id", "title", "kind", "status", "votes", "comments", "author", "submitted", "hidden", "link");
            db.read(h -> {
                try (var rows = h.attach(ContributionDao.class).export(challengeId).stream()) {
                    rows.forEach(r -> csv.row(r.id(), r.title(), r.kind().name(), r.status().name(), r.voteCount(), r.commentCount(),
                            text.person(r.authorName()), r.createdAt().toString(), r.hidden() ? "yes" : "no", baseUrl + Paths.contribution(r.id())));
                }
                return null;
            });
            out.flush();
        };
    }

    /**
     * A challenge's test reports as CSV, one row per report and one column per question (its score, or the words
     * written to it), streamed like the contributions.
     */
    public Export exportReports(Viewer viewer, long challengeId) {
        var access = db.read(h -> ChallengeService.access(h, viewer, challengeId));
        if (!access.moderates()) throw new HttpProblem.Forbidden();
        var questions = asked(challengeId).questions();
        return (out, text, baseUrl) -> {
            var header = new ArrayList<Object>(List.of("id", "title", "author", "submitted", "hidden"));
            questions.forEach(q -> header.add(q.text()));
            var csv = new Csv(out).row(header.toArray());
            db.read(h -> {
                try (var rows = h.attach(AnswerDao.class).answerRows(challengeId).stream()) {
                    var report = new ReportRow(csv, questions, text);
                    rows.forEach(report::add);
                    report.flush();
                }
                return null;
            });
            out.flush();
        };
    }

    /** The row of one report, filled answer by answer and written when the next report starts. */
    private static final class ReportRow {
        private final Csv csv;
        private final List<Question> questions;
        private final Text text;
        private AnswerDao.AnswerRow first;
        private Object[] cells;

        ReportRow(Csv csv, List<Question> questions, Text text) {
            this.csv = csv;
            this.questions = questions;
            this.text = text;
        }

        void add(AnswerDao.AnswerRow row) {
            if (first != null && first.contributionId() != row.contributionId()) flush();
            if (first == null) {
                first = row;
                cells = new Object[5 + questions.size()];
                cells[0] = row.contributionId();
                cells[1] = row.title();
                cells[2] = text.person(row.authorName());
                cells[3] = row.createdAt().toString();
                cells[4] = row.hidden() ? "yes" : "no";
                Arrays.fill(cells, 5, cells.length, "");
            }
            for (int i = 0; i < questions.size(); i++) {
                if (questions.get(i).id() == row.questionId()) cells[5 + i] = row.score() != null ? row.score() : row.answer();
            }
        }

        void flush() {
            if (first != null) csv.row(cells);
            first = null;
        }
    }

    /** The author's own contribution, while its challenge is open and it can still be edited. */
    public Seen editable(Viewer viewer, long contributionId) {
        return db.read(h -> editable(h, viewer, contributionId));
    }

    public void edit(Viewer viewer, long contributionId, ContributionForm form) {
        var before = db.read(h -> editable(h, viewer, contributionId));
        var challenge = before.access().challenge();
        int kept = keptImages(contributionId, form);
        form.parse(challenge, db.read(h -> QuestionService.Asked.of(h, challenge.id())), kept);
        var images = keep(form.images());
        List<DesignImage> removed;
        try {
            removed = db.write(h -> {
                editable(h, viewer, contributionId);
                var checked = form.parse(challenge, QuestionService.Asked.of(h, challenge.id()), keptImages(h, contributionId, form));
                h.attach(ContributionDao.class).update(contributionId, checked.kind(), checked.title(), excerpt(checked.body()), checked.body(),
                        checked.rating(), clock.instant());
                var answers = h.attach(AnswerDao.class);
                var gone = answers.images(contributionId).stream().filter(i -> form.removes(i.id())).toList();
                if (!gone.isEmpty()) answers.deleteImages(contributionId, gone.stream().map(DesignImage::id).toList());
                saveDetails(h, contributionId, checked, images, clock.instant());
                return gone;
            });
        } catch (RuntimeException refused) {
            images.forEach(i -> store.delete(i.file(), i.mediaType()));
            throw refused;
        }
        removed.forEach(i -> store.delete(i.file(), i.mediaType()));
    }

    private int keptImages(long contributionId, ContributionForm form) {
        return db.read(h -> keptImages(h, contributionId, form));
    }

    private static int keptImages(Handle h, long contributionId, ContributionForm form) {
        return (int) h.attach(AnswerDao.class).images(contributionId).stream().filter(i -> !form.removes(i.id())).count();
    }

    /** How many similar contributions a contributor is shown before sending a new one. */
    static final int SIMILAR = 5;
    /** Search finds titles sharing any word; of those, the ones alike ({@link TitleWords}) are shown. */
    private static final int SIMILAR_READ = 25;

    /**
     * The challenge's contributions that look like a title being typed, among those the viewer may see, so that a
     * contributor can vote for an idea already there rather than write it twice.
     */
    public List<ContributionSummary> similar(Viewer viewer, long challengeId, String title) {
        var match = FullText.anyWord(title.length() > ContributionForm.TITLE_MAX ? title.substring(0, ContributionForm.TITLE_MAX) : title);
        if (match.isEmpty()) return List.of();
        return db.read(h -> {
            var access = ChallengeService.access(h, viewer, challengeId);
            boolean onlyOwn = !access.seesAllContributions(viewer);
            long author = viewer.signedIn() ? viewer.id() : -1;
            return h.attach(ContributionDao.class).like(challengeId, match, onlyOwn ? "AND k.author_id = :authorId" : "", author, SIMILAR_READ)
                    .stream().filter(k -> TitleWords.alike(title, k.title())).limit(SIMILAR).toList();
        });
    }

    /** The contribution of a kind written once per challenge that this member already wrote there, if any. */
    public Long ownAnswer(Viewer viewer, long challengeId, String kind) {
        var once = ONCE.stream().filter(k -> k.name().equals(kind)).findFirst();
        if (once.isEmpty()) return null;
        return db.read(h -> h.attach(AnswerDao.class).ownOfKind(challengeId, viewer.id(), once.get()).orElse(null));
    }

    /** The questions a challenge asks, for the form that answers them. */
    public QuestionService.Asked asked(long challengeId) {
        return db.read(h -> QuestionService.Asked.of(h, challengeId));
    }

    public List<DesignImage> images(long contributionId) {
        return db.read(h -> h.attach(AnswerDao.class).images(contributionId));
    }

    /** What a contribution's kind adds, for whoever may see it. */
    public Details details(Contribution contribution) {
        return db.read(h -> {
            var answers = h.attach(AnswerDao.class);
            return switch (contribution.kind()) {
                case TEST_REPORT -> new Details(answers.report(contribution.id()), List.of(), List.of(), null);
                case VALIDATION -> new Details(List.of(), answers.validation(contribution.id()), List.of(), null);
                case DESIGN -> new Details(List.of(), List.of(), answers.images(contribution.id()), null);
                case APPLICATION -> new Details(List.of(), List.of(), List.of(), answers.proposal(contribution.id()).orElse(null));
                default -> Details.NONE;
            };
        });
    }

    /** What the challenge's test reports and validations say together, for those who see all its contributions. */
    public Findings findings(Viewer viewer, ChallengeService.Access access) {
        var challenge = access.challenge();
        if (!access.seesAllContributions(viewer) || challenge.questionCount() + challenge.hypothesisCount() == 0) return Findings.NONE;
        long id = challenge.id();
        return db.read(h -> Findings.of(h, id, QuestionService.Asked.of(h, id)));
    }

    /** The organisation's staff mark a test report, or any contribution, as helpful; marking again takes it back. */
    public void markHelpful(Viewer viewer, long contributionId) {
        db.execute(h -> {
            var seen = seen(h, viewer, contributionId);
            if (!seen.access().staff()) throw new HttpProblem.Forbidden();
            h.attach(AnswerDao.class).markHelpful(contributionId, seen.contribution().helpful() ? null : viewer.id());
        });
    }

    /** A design's image with its file, for whoever may see the design. */
    public record Picture(DesignImage image, Path original, Path thumbnail) {
    }

    public Picture picture(Viewer viewer, long imageId) {
        var image = db.read(h -> {
            var found = h.attach(AnswerDao.class).image(imageId).orElseThrow(HttpProblem.NotFound::new);
            var seen = seen(h, viewer, found.contributionId());
            boolean hiddenFromViewer = seen.contribution().hidden() && !seen.access().moderates() && !seen.mine(viewer);
            if (hiddenFromViewer) throw new HttpProblem.NotFound();
            return found;
        });
        return new Picture(image, store.original(image.file(), image.mediaType()), store.thumbnail(image.file()));
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
            return new Listing(page, sort, status, voted, votesLeft(h, viewer, access), challenge.voteBudget(), thumbnails(h, items));
        });
    }

    /**
     * What remains of the viewer's vote budget in the challenge, or null when it sets none. The budget is said only
     * to those whose votes count here: not to visitors, members outside it, or staff.
     */
    private static Integer votesLeft(Handle h, Viewer viewer, ChallengeService.Access access) {
        var challenge = access.challenge();
        if (challenge.voteBudget() == null || access.staff() || !access.eligibility().allowed() || !challenge.state().acceptsVotes()) return null;
        return (int) Math.max(0, challenge.voteBudget() - h.attach(VoteDao.class).usedIn(challenge.id(), viewer.id()));
    }

    private static Map<Long, Long> thumbnails(Handle h, List<ContributionSummary> items) {
        var designs = items.stream().filter(k -> k.kind() == ContributionKind.DESIGN && !k.hidden()).map(ContributionSummary::id).toList();
        if (designs.isEmpty()) return Map.of();
        return h.attach(AnswerDao.class).firstImages(designs).stream().collect(Collectors.toMap(DesignImage::contributionId, DesignImage::id));
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
                contributions.page(only, sort.after(), sort.orderBy(), new ContributionDao.Window(challengeId, status, author, from.key(), from.id(), low, high, limit));
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
        var refusal = seen.access().voteRefusal(viewer, seen.contribution().authorId());
        if (refusal != null) throw refusal;
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
                KeptPoints.settleVote(h, clock.getZone(), contributionId, member);
                if (up) reviewWhenThresholdReached(h, challenge, contribution, count, viewer);
            }
            Integer left = challenge.voteBudget() == null ? null : (int) Math.max(0, challenge.voteBudget() - votes.usedIn(challenge.id(), member));
            return VoteBox.of(contributionId, contribution.title(), false, contribution.status(), count, up, true, left, "");
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
        notifier.notify(h, new Notice(NotificationKind.RESPONSE, -1, challenge.organisationName(), contribution.title(),
                ContributionStatus.UNDER_REVIEW.key(), Paths.contribution(contribution.id()) + "#responses"),
                ContributionVisibility.readers(h, challenge.id(), contribution.authorId(), recipients), clock.instant());
    }

    private static Seen editable(Handle h, Viewer viewer, long contributionId) {
        var seen = seen(h, viewer, contributionId);
        var refusal = seen.editRefusal(viewer);
        if (refusal != null) throw refusal;
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
        return new Seen(contribution, access, voted, following, votesLeft(h, viewer, access));
    }
}
