package app.atelier.reward.market;

import app.atelier.challenge.Challenge;
import app.atelier.challenge.ChallengeService;
import app.atelier.challenge.ChallengeState;
import app.atelier.db.Database;
import app.atelier.invoice.BillingService;
import app.atelier.ledger.Amounts;
import app.atelier.ledger.Ledger;
import app.atelier.notification.Notice;
import app.atelier.notification.NotificationKind;
import app.atelier.notification.Notifier;
import app.atelier.reward.plan.PlanDao;
import app.atelier.reward.plan.ReflectionForm;
import app.atelier.web.Errors;
import app.atelier.web.HttpProblem;
import app.atelier.web.Invalid;
import app.atelier.web.Paths;
import app.atelier.web.Viewer;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import org.jdbi.v3.core.Handle;

/**
 * Paid tasks: a manager posts work at a fixed price on a live challenge, eligible contributors apply, and the one
 * picked gets an offer already accepted, its price held in the offer's own hold, which then goes the marketplace's way.
 */
public final class TaskService {
    static final int TITLE_MAX = 150;
    static final int BRIEF_MAX = 5_000;
    static final int PITCH_MAX = 2_000;

    private final Database db;
    private final Clock clock;
    private final Ledger ledger;
    private final Notifier notifier;

    public TaskService(Database db, Clock clock, Ledger ledger, Notifier notifier) {
        this.db = db;
        this.clock = clock;
        this.ledger = ledger;
        this.notifier = notifier;
    }

    /** A new task as typed, shown again when refused: a price, or pay-what-you-wish terms instead. */
    public record TaskForm(String title, String brief, String price, ReflectionForm reflection) {
        public static TaskForm empty() {
            return new TaskForm("", "", "", ReflectionForm.empty());
        }
    }

    /** A task as one viewer sees it: applications for the managers, the viewer's own application otherwise. */
    public record Seen(Task task, boolean manages, boolean mayApply, boolean applied, List<TaskApplication> applications) {
    }

    /** The challenge's tasks, for its page. */
    public static List<Task> ofChallenge(Handle h, long challengeId) {
        return h.attach(TaskDao.class).ofChallenge(challengeId);
    }

    /** The live challenge a manager posts a task on, and the currency its organisation pays in. */
    public record Posting(Challenge challenge, String currency) {
    }

    public Posting postable(Viewer viewer, long challengeId) {
        return db.read(h -> {
            var challenge = postable(h, viewer, challengeId).challenge();
            return new Posting(challenge, h.attach(PlanDao.class).currency(challenge.organisationId()));
        });
    }

    private static ChallengeService.Access postable(Handle h, Viewer viewer, long challengeId) {
        var access = ChallengeService.access(h, viewer, challengeId);
        if (!access.manages()) throw new HttpProblem.Forbidden();
        var state = access.challenge().state();
        if (state == ChallengeState.DRAFT || state == ChallengeState.CLOSED || state == ChallengeState.CANCELLED) {
            throw new HttpProblem.Conflict("task.notLive");
        }
        BillingService.requireBilling(h, access.challenge().organisationId());
        return access;
    }

    public long post(Viewer viewer, long challengeId, TaskForm form, Locale locale) {
        return db.write(h -> {
            var access = postable(h, viewer, challengeId);
            String currency = h.attach(PlanDao.class).currency(access.challenge().organisationId());
            var errors = Errors.none().text("title", form.title(), TITLE_MAX).text("brief", form.brief(), BRIEF_MAX);
            var terms = form.reflection().parse(locale, currency, errors);
            Long price = terms.promised() ? null : price(form.price(), locale, currency, errors);
            if (terms.promised() && !form.price().isBlank()) errors.add("price", "task.priceOrReflection");
            Invalid.unless(errors);
            return h.attach(TaskDao.class).post(challengeId, form.title().strip(), form.brief().strip(), price, currency, viewer.id(), clock.instant(),
                    terms.promised() ? terms.days() : null, terms.low(), terms.high());
        });
    }

    private static Long price(String typed, Locale locale, String currency, Errors errors) {
        var price = Amounts.parse(typed, locale, currency);
        if (price.isEmpty()) errors.add("price", "error.amount");
        else if (price.get() == 0) errors.add("price", "error.amountPositive");
        return price.orElse(null);
    }

    public Seen seen(Viewer viewer, long taskId) {
        return db.read(h -> seen(h, viewer, taskId));
    }

    private static Seen seen(Handle h, Viewer viewer, long taskId) {
        var tasks = h.attach(TaskDao.class);
        var task = tasks.find(taskId).orElseThrow(HttpProblem.NotFound::new);
        var access = ChallengeService.access(h, viewer, task.challengeId());
        boolean applied = viewer.signedIn() && tasks.applied(taskId, viewer.id());
        boolean mayApply = task.open() && !access.staff() && access.eligibility().allowed() && !applied;
        return new Seen(task, access.manages(), mayApply, applied, access.manages() ? tasks.applications(taskId) : List.of());
    }

    public void apply(Viewer viewer, long taskId, String pitch) {
        db.execute(h -> {
            var tasks = h.attach(TaskDao.class);
            var task = tasks.find(taskId).orElseThrow(HttpProblem.NotFound::new);
            var access = ChallengeService.access(h, viewer, task.challengeId());
            access.requireEligible();
            if (access.staff()) throw new HttpProblem.Forbidden();
            if (!task.open()) throw new HttpProblem.Conflict("task.taken");
            Invalid.unless(Errors.none().text("pitch", pitch, PITCH_MAX));
            if (tasks.apply(taskId, viewer.id(), pitch.strip(), clock.instant()) == 0) throw new HttpProblem.Conflict("task.alreadyApplied");
        });
    }

    /**
     * The manager picks an applicant: the task is theirs at its price, held now, or to be paid what the
     * organisation wishes once it has received the work. Returns the offer.
     */
    public long pick(Viewer viewer, long taskId, long memberId) {
        return db.write(h -> {
            var seen = seen(h, viewer, taskId);
            if (!seen.manages()) throw new HttpProblem.Forbidden();
            var task = seen.task();
            if (seen.applications().stream().noneMatch(a -> a.memberId() == memberId)) throw new HttpProblem.NotFound();
            var tasks = h.attach(TaskDao.class);
            if (tasks.assign(taskId) == 0) throw new HttpProblem.Conflict("task.taken");
            long offer = tasks.acceptedOffer(task.challengeId(), taskId, memberId, task.price(), task.currency(), viewer.id(), clock.instant());
            MarketService.agree(ledger, h, h.attach(OfferDao.class).find(offer).orElseThrow());
            notifier.notify(h, Notice.by(viewer, NotificationKind.REWARD, task.title(), "task.picked", Paths.offer(offer)),
                    List.of(memberId), clock.instant());
            return offer;
        });
    }
}
