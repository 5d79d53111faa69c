package app.atelier.proposal;

import app.atelier.audit.Audit;
import app.atelier.challenge.ContributionKind;
import app.atelier.contribution.ContributionService;
import app.atelier.contribution.ContributionStatus;
import app.atelier.contribution.ResponseForm;
import app.atelier.contribution.ResponseService;
import app.atelier.db.Database;
import app.atelier.notification.Notice;
import app.atelier.notification.NotificationKind;
import app.atelier.notification.Notifier;
import app.atelier.web.Errors;
import app.atelier.web.HttpProblem;
import app.atelier.web.Invalid;
import app.atelier.web.Paths;
import app.atelier.web.Viewer;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/**
 * The company's side of an application proposal: a private conversation between its staff and the proposer, which
 * no one else reads, and the agreement reached, recorded once as the proposal's outcome. Recording it accepts the
 * proposal with an official response that tells the community the terms, so that it shows on the challenge's
 * outcome and the organisation's follow-up.
 */
public final class ConversationService {
    static final int BODY_MAX = 5_000;

    private final Database db;
    private final Clock clock;
    private final Notifier notifier;
    private final ResponseService responses;

    public ConversationService(Database db, Clock clock, Notifier notifier, ResponseService responses) {
        this.db = db;
        this.clock = clock;
        this.notifier = notifier;
        this.responses = responses;
    }

    /** A proposal's conversation as the viewer, one of its two sides, sees it. */
    public record Conversation(ContributionService.Seen seen, List<Message> messages, Optional<Agreement> agreement) {
        public boolean staff() {
            return seen.access().staff();
        }

        /** The staff open the conversation; the proposer answers once it is open. */
        public boolean mayWrite() {
            return staff() || !messages.isEmpty();
        }

        /** A manager records the agreement, once. */
        public boolean mayAgree() {
            return seen.access().manages() && agreement.isEmpty();
        }
    }

    public Conversation conversation(Viewer viewer, long contributionId) {
        return db.read(h -> conversation(h, viewer, contributionId));
    }

    public void write(Viewer viewer, long contributionId, String body) {
        Invalid.unless(Errors.none().text("body", body, BODY_MAX));
        db.execute(h -> {
            var conversation = conversation(h, viewer, contributionId);
            if (!conversation.mayWrite()) throw new HttpProblem.Conflict("error.conversationNotOpen");
            h.attach(ConversationDao.class).write(contributionId, viewer.id(), body, clock.instant());
            var proposal = conversation.seen().contribution();
            String link = Paths.contribution(contributionId) + "/conversation";
            if (conversation.staff()) {
                notifier.notify(h, Notice.by(viewer, NotificationKind.CONVERSATION, proposal.title(), "", link),
                        List.of(proposal.authorId()), clock.instant());
            } else {
                notifier.notifyStaff(h, conversation.seen().access().challenge().organisationId(), Notice.by(viewer, NotificationKind.CONVERSATION, proposal.title(),
                        "", link),
                        clock.instant());
            }
        });
    }

    public void agree(Viewer viewer, long contributionId, AgreementForm form) {
        db.execute(h -> {
            var conversation = conversation(h, viewer, contributionId);
            if (!conversation.seen().access().manages()) throw new HttpProblem.Forbidden();
            if (conversation.agreement().isPresent()) throw new HttpProblem.Conflict("error.agreedOnce");
            var parsed = form.parse();
            h.attach(ConversationDao.class).agree(contributionId, parsed.arrangement(), parsed.terms(), viewer.id(), clock.instant());
            Audit.record(h, conversation.seen().access().challenge().organisationId(), viewer.id(), "agreement." + parsed.arrangement().name().toLowerCase(Locale.ROOT),
                    "#" + contributionId + " " + conversation.seen().contribution().title(), parsed.terms(), clock.instant());
            responses.respond(h, viewer, contributionId, new ResponseForm(ContributionStatus.ACCEPTED.name(), parsed.terms(), ""));
        });
    }

    /** Only the proposer and the organisation's staff read a proposal's conversation. */
    private static Conversation conversation(Handle h, Viewer viewer, long contributionId) {
        var seen = ContributionService.seen(h, viewer, contributionId);
        if (seen.contribution().kind() != ContributionKind.APPLICATION) throw new HttpProblem.NotFound();
        if (!seen.access().staff() && !seen.mine(viewer)) throw new HttpProblem.Forbidden();
        var dao = h.attach(ConversationDao.class);
        return new Conversation(seen, dao.messages(contributionId), dao.agreement(contributionId));
    }
}
