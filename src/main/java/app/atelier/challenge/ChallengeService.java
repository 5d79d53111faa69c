package app.atelier.challenge;

import app.atelier.community.CommunityDao;
import app.atelier.community.Eligibility;
import app.atelier.community.MembershipState;
import app.atelier.db.Database;
import app.atelier.image.NewPicture;
import app.atelier.notification.Notice;
import app.atelier.notification.NotificationKind;
import app.atelier.notification.Notifier;
import app.atelier.notification.WebhookEvent;
import app.atelier.organisation.OrganisationAccess;
import app.atelier.web.Cursor;
import app.atelier.web.Errors;
import app.atelier.web.HttpProblem;
import app.atelier.web.Invalid;
import app.atelier.web.Message;
import app.atelier.web.Paged;
import app.atelier.web.Paths;
import app.atelier.web.Role;
import app.atelier.web.Slice;
import app.atelier.web.Viewer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/** Challenges: who may see and run them, and their life from draft to closed. */
public final class ChallengeService {
    public static final int PAGE_SIZE = 20;
    static final int ANNOUNCED_AT_ONCE = 500;
    /** How long a challenge stays put before those who took part hear where it went. */
    static final Duration SETTLING = Duration.ofMinutes(10);

    private final Database db;
    private final Clock clock;
    private final Notifier notifier;
    private final MoveRule rule;

    public ChallengeService(Database db, Clock clock, Notifier notifier, MoveRule rule) {
        this.db = db;
        this.clock = clock;
        this.notifier = notifier;
        this.rule = rule;
    }

    /**
     * A challenge as one viewer may see it, with their role in its organisation and whether they may take part;
     * {@code suspendedUntil} is when their suspension ends, if they are suspended for a time.
     */
    public record Access(Challenge challenge, OrganisationAccess organisation, Eligibility eligibility, Instant suspendedUntil) {
        /** One of the organisation's own staff: they answer officially for it. */
        public boolean staff() {
            return organisation.staff();
        }

        public boolean moderates() {
            return organisation.moderates();
        }

        public boolean manages() {
            return organisation.manages();
        }

        /** In a confidential challenge only the author and the staff see a contribution. */
        public boolean seesContributionsOf(Viewer viewer, long authorId) {
            return seesAllContributions(viewer) || viewer.is(authorId);
        }

        public boolean seesAllContributions(Viewer viewer) {
            return challenge.visibility() != Visibility.CONFIDENTIAL || moderates();
        }

        /**
         * Refuses a member suspended or removed from the organisation's community: they write nothing there, not
         * even an edit, a follow or a flag, whatever the challenge's mode.
         */
        public void requireNotBarred() {
            if (barred()) requireEligible();
        }

        /**
         * Why the viewer may not vote on a contribution by {@code authorId}, or null when they may: the one rule the
         * vote itself and every page that shows a vote button ask. The community ranks; the organisation's team does not.
         */
        public HttpProblem voteRefusal(Viewer viewer, long authorId) {
            if (viewer.is(authorId)) return new HttpProblem.Forbidden("error.ownVote");
            if (staff()) return new HttpProblem.Forbidden("error.staffVote");
            if (ineligibility() != null) return ineligibility();
            if (!challenge.state().acceptsVotes()) return new HttpProblem.Conflict("error.votingClosed");
            return null;
        }

        /**
         * Why the viewer may not flag an item by {@code authorId}, or null when they may: a signed-in member, not its
         * author, not barred from the community, and the item still shown. The flag itself and every page ask this.
         */
        public HttpProblem flagRefusal(Viewer viewer, long authorId, boolean hidden) {
            if (!viewer.signedIn()) return new HttpProblem.SignInRequired();
            if (viewer.is(authorId)) return new HttpProblem.Forbidden("error.ownFlag");
            if (barred()) return ineligibility();
            if (hidden) return new HttpProblem.Conflict("error.alreadyHidden");
            return null;
        }

        public boolean mayFlag(Viewer viewer, long authorId, boolean hidden) {
            return flagRefusal(viewer, authorId, hidden) == null;
        }

        /** Why the viewer may not take part at all, or null when they may: sign in, or how to get in. */
        public HttpProblem ineligibility() {
            if (eligibility == Eligibility.SIGN_IN) return new HttpProblem.SignInRequired();
            if (!eligibility.allowed()) return new HttpProblem.NotEligible(whyNot(), challenge.organisationId());
            return null;
        }

        public boolean mayVote(Viewer viewer, long authorId) {
            return voteRefusal(viewer, authorId) == null;
        }

        /** Refuses a viewer who may not take part, saying why and how to get in. */
        public void requireEligible() {
            var refusal = ineligibility();
            if (refusal != null) throw refusal;
        }

        /** Why the viewer may not take part, in words, with the day a suspension ends. */
        public Message whyNot() {
            if (eligibility == Eligibility.SUSPENDED && suspendedUntil != null) {
                return new Message("eligibility.suspendedUntil", challenge.organisationName(), suspendedUntil);
            }
            return new Message(eligibility.key(), challenge.organisationName());
        }

        /** Suspended or removed from the community: they read, and write nothing. */
        public boolean barred() {
            return eligibility == Eligibility.SUSPENDED || eligibility == Eligibility.REMOVED;
        }
    }

    public long create(Viewer viewer, long organisationId, ChallengeForm form, NewPicture cover) {
        long creator = viewer.id();
        return db.write(h -> {
            requireManager(h, viewer, organisationId);
            var parsed = form.parse(clock.instant(), clock.getZone());
            var challenges = h.attach(ChallengeDao.class);
            long id = challenges.insert(organisationId, parsed, parsed.segment(), ContributionKind.join(parsed.kinds()), creator, clock.instant());
            if (cover.change()) challenges.setCover(id, cover.name());
            return id;
        });
    }

    /** The product team, and the staff's notes when the viewer may read them (staff and team), else null. */
    public record Team(List<TeamMember> members, String notes) {
    }

    public Team team(Viewer viewer, Access access) {
        long id = access.challenge().id();
        return db.read(h -> {
            var team = h.attach(TeamDao.class);
            boolean readsNotes = access.moderates() || (viewer.signedIn() && team.inTeam(id, viewer.id()));
            return new Team(team.team(id), readsNotes ? team.notes(id) : null);
        });
    }

    /** A manager invites a contributor of this challenge into its product team, who is told; one of the team may lead it. */
    public void addToTeam(Viewer viewer, long challengeId, long memberId, boolean lead) {
        db.execute(h -> {
            var challenge = managed(h, viewer, challengeId);
            var team = h.attach(TeamDao.class);
            if (!team.contributed(challengeId, memberId)) throw new HttpProblem.Conflict("error.teamNotContributor");
            team.add(challengeId, memberId, clock.instant());
            if (lead) team.lead(challengeId, memberId);
            notifier.notify(h, Notice.by(viewer, NotificationKind.TEAM, challenge.title(),
                    lead ? "team.youLead" : "team.youJoined", Paths.challenge(challengeId) + "#team"),
                    List.of(memberId), clock.instant());
        });
    }

    public void removeFromTeam(Viewer viewer, long challengeId, long memberId) {
        db.execute(h -> {
            managed(h, viewer, challengeId);
            if (h.attach(TeamDao.class).remove(challengeId, memberId) == 0) throw new HttpProblem.NotFound();
        });
    }

    public void writeNotes(Viewer viewer, long challengeId, String notes) {
        db.execute(h -> {
            managed(h, viewer, challengeId);
            if (notes.length() > ChallengeForm.BRIEF_MAX) throw Invalid.of("notes", "error.tooLong", ChallengeForm.BRIEF_MAX);
            h.attach(TeamDao.class).writeNotes(challengeId, notes);
        });
    }

    /** Refuses anyone but the organisation's managers before they fill in a new challenge. */
    public void requireManager(Viewer viewer, long organisationId) {
        db.read(h -> {
            requireManager(h, viewer, organisationId);
            return null;
        });
    }

    /** The challenge, for one of its organisation's managers to edit. */
    public Challenge managed(Viewer viewer, long challengeId) {
        return db.read(h -> managed(h, viewer, challengeId));
    }

    /** Saves a manager's changes; @return the cover replaced, whose file can go, or null */
    public String update(Viewer viewer, long challengeId, ChallengeForm form, NewPicture cover) {
        return db.write(h -> {
            var challenge = managed(h, viewer, challengeId);
            if (!challenge.state().editable()) throw new HttpProblem.Conflict("error.challengeNotEditable");
            var parsed = form.parse(clock.instant(), clock.getZone());
            if (challenge.state() == ChallengeState.OPEN && !parsed.kinds().stream().allMatch(challenge::canWrite)) {
                throw Invalid.of("kinds", parsed.mode() == Mode.INSIDE_OUT ? "error.technologyFirst" : "error.questionsFirst");
            }
            var challenges = h.attach(ChallengeDao.class);
            challenges.update(challengeId, parsed, parsed.segment(), ContributionKind.join(parsed.kinds()));
            if (!cover.change()) return null;
            String replaced = challenges.cover(challengeId);
            challenges.setCover(challengeId, cover.name());
            return replaced;
        });
    }

    public void open(Viewer viewer, long challengeId) {
        move(viewer, challengeId, ChallengeState.OPEN);
    }

    /** A manager moves the challenge on by hand, along the life of {@link ChallengeState#next()}. */
    public void move(Viewer viewer, long challengeId, ChallengeState to) {
        db.execute(h -> move(h, viewer, challengeId, to));
    }

    /** The longest outcome a decision may say. */
    public static final int OUTCOME_MAX = 5_000;

    /** A manager records the decision with its written outcome for the community, which every participant hears of. */
    public void decide(Viewer viewer, long challengeId, String outcome) {
        Invalid.unless(Errors.none().text("outcome", outcome, OUTCOME_MAX));
        db.execute(h -> decide(h, viewer, challengeId, outcome));
    }

    /**
     * The same decision, inside a write transaction a feature above has opened: settling a contest decides it, its
     * winners being its outcome, and a few words with them if the manager writes any.
     */
    public void decide(Handle h, Viewer viewer, long challengeId, String outcome) {
        if (outcome.length() > OUTCOME_MAX) throw Invalid.of("outcome", "error.tooLong", OUTCOME_MAX);
        move(h, viewer, challengeId, ChallengeState.DECIDED);
        h.attach(ChallengeDao.class).recordOutcome(challengeId, outcome.strip());
    }

    /** What a decided challenge said of its outcome; empty before. */
    public String outcome(long challengeId) {
        return db.read(h -> h.attach(ChallengeDao.class).outcome(challengeId));
    }

    /** A move inside a write transaction; a decision is recorded with its outcome ({@link #decide}). */
    public void move(Handle h, Viewer viewer, long challengeId, ChallengeState to) {
        var challenge = managed(h, viewer, challengeId);
        var from = challenge.state();
        if (!from.next().contains(to) || h.attach(ChallengeDao.class).move(challengeId, from, to, clock.instant()) == 0) {
            throw new HttpProblem.Conflict("error.challengeState");
        }
        requireWritableKinds(challenge, to);
        rule.moving(h, challenge, to);
        tellParticipants(h, challenge, to, viewer.id(), viewer.name());
    }

    /**
     * When the challenge moved into the state it is in, to say it in words ("decided on ..."); null for a draft or an
     * open challenge, whose page gives their dates instead, or when no move was recorded.
     */
    public Instant since(Challenge challenge) {
        if (challenge.state() == ChallengeState.DRAFT || challenge.state() == ChallengeState.OPEN) return null;
        return db.read(h -> h.attach(ChallengeDao.class).movedAt(challenge.id(), challenge.state()).orElse(null));
    }

    /** The role a member holds in the organisation that runs a challenge, for the role its routes need there. */
    public Role standing(Viewer viewer, long challengeId) {
        return db.read(h -> seen(h, viewer, challengeId).organisation().standing());
    }

    public Access access(Viewer viewer, long challengeId) {
        return db.read(h -> access(h, viewer, challengeId));
    }

    /**
     * Whether a stored picture is for everyone, to be cached by anyone: a logo, or the cover or a sheet's picture of
     * a challenge that anyone may open. One of a draft or a private challenge is for those who may open it, and
     * refused to anyone else as the challenge is.
     */
    public boolean pictureForEveryone(Viewer viewer, String picture) {
        return db.read(h -> {
            var challengeId = h.attach(ChallengeDao.class).showing(picture);
            if (challengeId.isEmpty()) return true;
            var challenge = access(h, viewer, challengeId.get()).challenge();
            return challenge.state() != ChallengeState.DRAFT && challenge.visibility() != Visibility.PRIVATE;
        });
    }

    private record Seen(Challenge challenge, OrganisationAccess organisation) {
    }

    /** Drafts exist only for their organisation's staff (and platform admins); to everyone else they are not found. */
    private static Seen seen(Handle h, Viewer viewer, long challengeId) {
        var challenge = h.attach(ChallengeDao.class).find(challengeId).orElseThrow(HttpProblem.NotFound::new);
        var organisation = OrganisationAccess.of(h, viewer, challenge.organisationId());
        if (challenge.state() == ChallengeState.DRAFT && !organisation.moderates()) throw new HttpProblem.NotFound();
        return new Seen(challenge, organisation);
    }

    public static Access access(Handle h, Viewer viewer, long challengeId) {
        var seen = seen(h, viewer, challengeId);
        var challenge = seen.challenge();
        var organisation = seen.organisation();
        var eligibility = eligibility(h, viewer, challenge, organisation);
        Instant suspendedUntil = eligibility != Eligibility.SUSPENDED ? null
                : h.attach(CommunityDao.class).suspension(challenge.organisationId(), viewer.id()).map(CommunityDao.SuspensionEnd::until).orElse(null);
        var access = new Access(challenge, organisation, eligibility, suspendedUntil);
        if (challenge.visibility() == Visibility.PRIVATE && !organisation.moderates()) access.requireEligible();
        return access;
    }

    /** A page of the open challenges, the last opened first. */
    public Slice<Challenge> openChallenges(Cursor after) {
        var from = Cursor.orTop(after);
        var rows = db.read(h -> h.attach(ChallengeDao.class).open(from.key(), from.id(), PAGE_SIZE + 1));
        return Slice.of(rows, PAGE_SIZE, after, c -> new Cursor(c.openedAt().toEpochMilli(), c.id()));
    }

    /** The challenges page: those past their draft that are not private, narrowed by the filter, the newest first. */
    public Browse browse(ChallengeFilter filter, Cursor after) {
        return db.read(h -> {
            var challenges = h.attach(ChallengeDao.class);
            var rows = challenges.browse(filter, Cursor.orTop(after).id(), PAGE_SIZE + 1);
            return new Browse(filter, Slice.of(rows, PAGE_SIZE, after, c -> Cursor.ofId(c.id())), challenges.withVisibleChallenges());
        });
    }

    /** A page of the challenges page, with the organisations it can be narrowed to. */
    static final int DIRECTORY_PAGE = 30;

    /** The organisations that open challenges to anyone, a page at a time. */
    public Paged<OrganisationCard> directory(int page) {
        return db.read(h -> {
            var challenges = h.attach(ChallengeDao.class);
            return new Paged<>(challenges.directory(DIRECTORY_PAGE, Paged.offset(page, DIRECTORY_PAGE)), page, challenges.inDirectory(), DIRECTORY_PAGE);
        });
    }

    public record Browse(ChallengeFilter filter, Slice<Challenge> challenges, List<OrganisationName> organisations) {
    }

    /** A page of an organisation's challenges, the newest first. */
    public Slice<Challenge> ofOrganisation(Viewer viewer, long organisationId, Cursor after) {
        var rows = db.read(h -> h.attach(ChallengeDao.class).ofOrganisation(organisationId,
                OrganisationAccess.of(h, viewer, organisationId).moderates(), Cursor.orTop(after).id(), PAGE_SIZE + 1));
        return Slice.of(rows, PAGE_SIZE, after, c -> Cursor.ofId(c.id()));
    }

    /**
     * Moves challenges whose day has come: drafts open, open challenges go to their voting period or to review,
     * voting periods end in review. Each move is conditional on the state it leaves, so running this twice, or
     * on two instances, or again after a restart, moves each challenge once.
     */
    public int advanceByDates() {
        int moved = db.write(h -> {
            var challenges = h.attach(ChallengeDao.class);
            var now = clock.instant();
            int moves = 0;
            for (long id : challenges.dueToOpen(now)) moves += moveByDate(h, id, ChallengeState.DRAFT, ChallengeState.OPEN);
            for (long id : challenges.dueToClose(now, true)) moves += moveByDate(h, id, ChallengeState.OPEN, ChallengeState.VOTING);
            for (long id : challenges.dueToClose(now, false)) moves += moveByDate(h, id, ChallengeState.OPEN, ChallengeState.REVIEW);
            for (long id : challenges.dueToEndVoting(now)) moves += moveByDate(h, id, ChallengeState.VOTING, ChallengeState.REVIEW);
            return moves;
        });
        announceMoves();
        return moved;
    }

    private int moveByDate(Handle h, long id, ChallengeState from, ChallengeState to) {
        var challenges = h.attach(ChallengeDao.class);
        var challenge = challenges.find(id).orElseThrow();
        // A move the rule refuses (a contest whose prizes are not funded) is undone alone; the challenge waits.
        h.savepoint("move");
        try {
            if (challenges.move(id, from, to, clock.instant()) == 0) return 0;
            requireWritableKinds(challenge, to);
            rule.moving(h, challenge, to);
        } catch (HttpProblem refused) {
            h.rollbackToSavepoint("move");
            return 0;
        } finally {
            h.releaseSavepoint("move");
        }
        // Nobody acted: the notice comes from the organisation.
        tellParticipants(h, challenge, to, -1, challenge.organisationName());
        return 1;
    }

    /** Notes in the move's transaction that those who took part must hear of it; {@link #announceMoves} tells them. */
    private void tellParticipants(Handle h, Challenge challenge, ChallengeState to, long actorId, String actorName) {
        h.attach(ChallengeDao.class).announce(challenge.id(), to, actorId, actorName, clock.instant());
        notifier.notifyStaff(h, challenge.organisationId(), new Notice(NotificationKind.CHALLENGE_MOVED, actorId, actorName, challenge.title(),
                to.key(), Paths.challenge(challenge.id())),
                clock.instant());
        notifier.webhooks().emit(h, challenge.organisationId(), WebhookEvent.CHALLENGE_MOVED, Paths.challenge(challenge.id()),
                Map.of("challengeId", challenge.id(), "title", challenge.title(), "from", challenge.state().name(), "to", to.name(), "by", actorName), clock.instant());
    }

    /**
     * Tells those who took part in a challenge (contributed or commented) that it moved on, once it has stayed
     * put for {@link #SETTLING}: several quick moves in a row make one notice of where it ended. They are gathered
     * on a read connection, then told {@value #ANNOUNCED_AT_ONCE} at a time, each batch in a short write
     * transaction of its own that also records how far the telling got. A restart goes on from there; two workers
     * never tell the same batch twice. The date scheduler calls this every minute.
     */
    public void announceMoves() {
        var now = clock.instant();
        db.execute(h -> h.attach(ChallengeDao.class).overtaken(now));
        for (var announcement : db.read(h -> h.attach(ChallengeDao.class).pendingAnnouncements(now.minus(SETTLING)))) announce(announcement);
    }

    private void announce(ChallengeDao.Announcement announcement) {
        long challengeId = announcement.challengeId();
        var participants = db.read(h -> readers(h, challengeId, h.attach(ChallengeDao.class).participants(challengeId)).stream()
                .filter(id -> id > announcement.toldUpTo()).sorted().toList());
        long toldUpTo = announcement.toldUpTo();
        for (int from = 0; from < participants.size(); from += ANNOUNCED_AT_ONCE) {
            var batch = participants.subList(from, Math.min(participants.size(), from + ANNOUNCED_AT_ONCE));
            long before = toldUpTo;
            long last = batch.get(batch.size() - 1);
            boolean ours = db.write(h -> {
                if (h.attach(ChallengeDao.class).toldUpTo(announcement.id(), before, last) == 0) return false;
                notifier.notify(h, new Notice(NotificationKind.CHALLENGE_STATE, announcement.actorId(), announcement.actorName(), announcement.challengeTitle(),
                        announcement.toState().key(), Paths.challenge(challengeId)),
                        batch, clock.instant());
                return true;
            });
            if (!ours) return;
            toldUpTo = last;
        }
        db.execute(h -> h.attach(ChallengeDao.class).announced(announcement.id(), clock.instant()));
    }

    /**
     * Outside-in challenges are open to every signed-in member; inside-out and community ones to the approved
     * community, narrowed for a community challenge to its segment. The organisation's staff always take part.
     */
    private static Eligibility eligibility(Handle h, Viewer viewer, Challenge challenge, OrganisationAccess organisation) {
        if (!viewer.signedIn()) return Eligibility.SIGN_IN;
        if (organisation.staff()) return Eligibility.ELIGIBLE;
        var community = h.attach(CommunityDao.class);
        if (community.suspended(challenge.organisationId(), viewer.id())) return Eligibility.SUSPENDED;
        var membership = community.find(challenge.organisationId(), viewer.id());
        if (membership.filter(m -> m.state() == MembershipState.REMOVED).isPresent()) return Eligibility.REMOVED;
        if (challenge.mode() == Mode.OUTSIDE_IN) return Eligibility.ELIGIBLE;
        if (membership.isEmpty()) return Eligibility.NOT_MEMBER;
        var m = membership.get();
        return switch (m.state()) {
            case APPLIED -> Eligibility.PENDING;
            case DECLINED -> Eligibility.DECLINED;
            case REMOVED -> Eligibility.REMOVED;
            case APPROVED -> challenge.mode() == Mode.COMMUNITY && !challenge.segment().matches(m)
                    ? Eligibility.OUTSIDE_SEGMENT : Eligibility.ELIGIBLE;
        };
    }

    /** Those among the members who may open the challenge: the only ones told about it. */
    public static List<Long> readers(Handle h, long challengeId, Collection<Long> members) {
        var distinct = new LinkedHashSet<>(members);
        var challenge = h.attach(ChallengeDao.class).find(challengeId).orElseThrow(HttpProblem.NotFound::new);
        // Past its draft, a challenge that is not private opens to every member: nobody needs checking one by one.
        if (challenge.state() != ChallengeState.DRAFT && challenge.visibility() != Visibility.PRIVATE) return List.copyOf(distinct);
        return distinct.stream().filter(id -> accessible(h, recipient(id), challengeId).isPresent()).toList();
    }

    /** The viewer's access to the challenge, or empty where they may not open it at all. */
    public static Optional<Access> accessible(Handle h, Viewer viewer, long challengeId) {
        try {
            return Optional.of(access(h, viewer, challengeId));
        } catch (HttpProblem refused) {
            return Optional.empty();
        }
    }

    /** A recipient as the rules see them; platform-admin rights are not assumed, so nobody is told more than a member. */
    public static Viewer recipient(long memberId) {
        return new Viewer(memberId, "", false);
    }

    /** A challenge opens only once every kind it lists can be written: its questions, or its technology sheet, are there. */
    private static void requireWritableKinds(Challenge challenge, ChallengeState to) {
        if (to == ChallengeState.OPEN && !challenge.allKindsWritable()) throw new HttpProblem.Conflict(challenge.missingBeforeOpening());
    }

    private static Challenge managed(Handle h, Viewer viewer, long challengeId) {
        var access = access(h, viewer, challengeId);
        if (!access.manages()) throw new HttpProblem.Forbidden();
        return access.challenge();
    }

    private static void requireManager(Handle h, Viewer viewer, long organisationId) {
        var access = OrganisationAccess.of(h, viewer, organisationId);
        access.require(access.manages());
    }
}
