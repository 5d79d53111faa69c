package app.atelier.reward.reflection;

import app.atelier.challenge.Challenge;
import app.atelier.challenge.ChallengeService;
import app.atelier.challenge.ChallengeState;
import app.atelier.db.Database;
import app.atelier.fee.Fee;
import app.atelier.fee.FeeRates;
import app.atelier.invoice.BillingService;
import app.atelier.invoice.Documents;
import app.atelier.ledger.Account;
import app.atelier.ledger.Amounts;
import app.atelier.ledger.Cause;
import app.atelier.ledger.Event;
import app.atelier.ledger.Keys;
import app.atelier.ledger.Ledger;
import app.atelier.ledger.Split;
import app.atelier.ledger.Transfer;
import app.atelier.notification.Notice;
import app.atelier.notification.NotificationKind;
import app.atelier.notification.Notifier;
import app.atelier.reward.plan.LargePayment;
import app.atelier.reward.plan.PlanDao;
import app.atelier.reward.plan.PlanTerms;
import app.atelier.web.Amount;
import app.atelier.web.Errors;
import app.atelier.web.Forms;
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
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/**
 * Pay what you wish, after reflection. A plan may promise it; the decision starts a reflection period, during which
 * the organisation sees what it received and sets an amount per contributor, or one amount split by weights
 * (largest remainder), with a message. No minimum, no maximum: zero is allowed and said as it is. The platform keeps
 * its fee on what is paid, at the rate frozen on the plan when its challenge opened. A period that ends unpaid reminds the organisation once, and the challenge
 * shows the payment as pending to its contributors until it is paid.
 */
public final class ReflectionService {
    static final int MESSAGE_MAX = 2000;
    static final int MOST_WEIGHT = 1000;

    private final Database db;
    private final Clock clock;
    private final Ledger ledger;
    private final Notifier notifier;
    private final Documents documents;
    private final LargePayment large;

    /** @param confirmAbove the payment, in cents, above which the organisation confirms the amount it typed */
    public ReflectionService(Database db, Clock clock, Ledger ledger, Notifier notifier, long confirmAbove, Documents documents) {
        this.db = db;
        this.documents = documents;
        this.clock = clock;
        this.ledger = ledger;
        this.notifier = notifier;
        this.large = new LargePayment(confirmAbove);
    }

    /** A decided challenge's reflection period, and what was paid at its end (total null until then). */
    public record Period(long challengeId, Instant endsAt, Instant remindedAt, Instant paidAt, Long total, String message) {
        public boolean paid() {
            return paidAt != null;
        }
    }

    /** Everyone who contributed, with what they wrote, the community's votes for it, what was accepted, and what they were paid. */
    public record Contributor(long memberId, String name, long contributions, long votes, long accepted, Long paid) {
    }

    /** How the organisation pays: one amount each, or a total split by weights. */
    public enum Mode { EACH, SPLIT }

    /**
     * The payment as typed: per contributor an amount and a weight, by member id; the mode says which is read.
     * {@code confirmed} when the person confirmed a large amount ({@link LargePayment}).
     */
    public record PayForm(Mode mode, Map<Long, String> amounts, String total, Map<Long, String> weights, String message, boolean confirmed) {
        public static PayForm empty() {
            return new PayForm(Mode.EACH, Map.of(), "", Map.of(), "", false);
        }

        public String amount(long memberId) {
            return amounts.getOrDefault(memberId, "");
        }

        public String weight(long memberId) {
            return weights.getOrDefault(memberId, "");
        }
    }

    /** What the reflection page shows the organisation's managers. */
    public record Page(Challenge challenge, PlanTerms.Reflection terms, Period period, List<Contributor> contributors,
                       String currency, long wallet, Fee fee) {
    }

    /** What the challenge page says of it: the promise, then the period, then what was paid, and to the viewer before and after the fee. */
    public record Status(PlanTerms.Reflection terms, Period period, boolean pending, Fee.Breakdown mine, boolean manages) {
        /** A manager decides what to pay once the period has begun, and reads what was paid after. */
        public boolean decides() {
            return manages && period != null;
        }
    }

    /** A decision starts the reflection period of a plan that promises it. */
    public static void begin(Handle h, long challengeId, Instant endsAt) {
        h.attach(ReflectionDao.class).begin(challengeId, endsAt);
    }

    public Page page(Viewer viewer, long challengeId) {
        return db.read(h -> page(h, viewer, challengeId));
    }

    private Page page(Handle h, Viewer viewer, long challengeId) {
        var access = ChallengeService.access(h, viewer, challengeId);
        if (!access.manages()) throw new HttpProblem.Forbidden();
        var challenge = access.challenge();
        var terms = h.attach(PlanDao.class).terms(challengeId).reflection();
        var period = h.attach(ReflectionDao.class).period(challengeId);
        if (!terms.promised() || period.isEmpty()) throw new HttpProblem.Conflict("reflection.notYet");
        String currency = h.attach(PlanDao.class).currency(challenge.organisationId());
        return new Page(challenge, terms, period.get(), h.attach(ReflectionDao.class).contributors(challengeId), currency,
                ledger.balance(h, Account.wallet(challenge.organisationId(), currency)), planFee(h, challengeId));
    }

    /** The fee the plan froze when its challenge opened. */
    private static Fee planFee(Handle h, long challengeId) {
        return FeeRates.frozen(h, h.attach(PlanDao.class).frozenFee(challengeId).orElse(null));
    }

    /** For the challenge page; null when the plan promises no such payment. */
    public static Status status(Handle h, Viewer viewer, ChallengeService.Access access, PlanTerms.Reflection terms, Instant now) {
        if (!terms.promised()) return null;
        long id = access.challenge().id();
        var reflections = h.attach(ReflectionDao.class);
        var period = reflections.period(id).orElse(null);
        boolean pending = period != null && !period.paid() && !now.isBefore(period.endsAt());
        Long mine = period != null && period.paid() && viewer.signedIn() ? reflections.share(id, viewer.id()).orElse(null) : null;
        return new Status(terms, period, pending, mine == null ? null : planFee(h, id).breakdown(mine), access.manages());
    }

    /**
     * Pays the contributors, once, from the wallet: refused while the challenge is not decided, for anyone but its
     * managers, and with the missing amount when the wallet is short. Nothing is saved unless all of it is.
     */
    public void pay(Viewer viewer, long challengeId, PayForm form, Locale locale) {
        db.execute(h -> {
            var page = page(h, viewer, challengeId);
            if (page.challenge().state() != ChallengeState.DECIDED && page.challenge().state() != ChallengeState.CLOSED) {
                throw new HttpProblem.Conflict("reflection.notYet");
            }
            var members = page.contributors().stream().map(Contributor::memberId).toList();
            var amounts = amounts(form, members, locale, page.currency());
            long total = amounts.stream().reduce(0L, Math::addExact);
            var reflections = h.attach(ReflectionDao.class);
            if (reflections.paid(challengeId, viewer.id(), total, form.message().strip(), clock.instant()) == 0) {
                throw new HttpProblem.Conflict("reflection.alreadyPaid");
            }
            reflections.shares(challengeId, members, amounts);
            if (total > 0) record(h, page, members, amounts);
            // After the wallet's answer, so that a payment it cannot make says so first; refusing rolls all of it back.
            large.check(total, page.terms(), page.currency(), form.confirmed(), "total");
            notifier.notify(h, Notice.by(viewer, NotificationKind.REWARD, page.challenge().title(), "reflection.paidNotice", Paths.challenge(challengeId)),
                    members, clock.instant());
        });
    }

    private void record(Handle h, Page page, List<Long> members, List<Long> amounts) {
        long id = page.challenge().id();
        var wallet = Account.wallet(page.challenge().organisationId(), page.currency());
        var transfer = Transfer.of(Keys.reflection(id), Event.PAID_AFTER_REFLECTION, page.challenge().title(), new Cause(Cause.CHALLENGE, id));
        // Each contributor's VAT terms are those of their payee profile as it is paid: the plan did not know who would be.
        var paid = new Fee.Breakdown[members.size()];
        long withVat = 0;
        for (int i = 0; i < members.size(); i++) {
            if (amounts.get(i) == 0) continue;
            var vat = BillingService.terms(h, members.get(i));
            paid[i] = page.fee().breakdown(amounts.get(i), vat);
            page.fee().pay(transfer, wallet, members.get(i), amounts.get(i), vat);
            withVat += paid[i].paid();
        }
        try {
            ledger.record(h, transfer);
        } catch (Ledger.Insufficient refused) {
            throw Invalid.of("total", "reflection.unfunded", new Amount(withVat, page.currency()), new Amount(refused.missing(), page.currency()));
        }
        for (int i = 0; i < members.size(); i++) {
            if (paid[i] == null) continue;
            documents.paid(h, new Documents.Payment(page.challenge().organisationId(), members.get(i), "Paiement après réflexion : " + page.challenge().title(),
                    page.currency(), paid[i], transfer.key(), Documents.Quantity.one(amounts.get(i))));
        }
    }

    /** Each contributor's amount, in the order of {@code members}: as typed, or the total split by the weights typed. */
    private static List<Long> amounts(PayForm form, List<Long> members, Locale locale, String currency) {
        var errors = Errors.none();
        if (form.message().length() > MESSAGE_MAX) errors.add("message", "error.tooLong", MESSAGE_MAX);
        var amounts = new ArrayList<Long>();
        if (form.mode() == Mode.EACH) {
            for (long member : members) {
                String typed = form.amount(member);
                var amount = typed.isBlank() ? Optional.of(0L) : Amounts.parse(typed, locale, currency);
                if (amount.isEmpty()) errors.add("amount-" + member, "error.amount");
                amounts.add(amount.orElse(0L));
            }
        } else {
            var total = Amounts.parse(form.total(), locale, currency);
            if (total.isEmpty()) errors.add("total", "error.amount");
            var weights = new ArrayList<Long>();
            for (long member : members) {
                String typed = form.weight(member);
                long weight = typed.isBlank() ? 0 : Forms.wholeNumber(typed, 0, MOST_WEIGHT);
                if (weight < 0) errors.add("weight-" + member, "reflection.weightRange", MOST_WEIGHT);
                weights.add(Math.max(weight, 0));
            }
            boolean anyWeight = weights.stream().anyMatch(w -> w > 0);
            if (total.orElse(0L) > 0 && !anyWeight) errors.add("total", "reflection.noWeight");
            Invalid.unless(errors);
            if (anyWeight) for (long part : Split.of(total.get(), weights)) amounts.add(part);
            else members.forEach(m -> amounts.add(0L));
        }
        Invalid.unless(errors);
        return amounts;
    }

    /**
     * What the scheduler does every minute: a period over without a payment, a challenge's or a task's, reminds the
     * organisation's staff, once.
     */
    public int remindDue() {
        return db.write(h -> {
            var reflections = h.attach(ReflectionDao.class);
            int reminded = 0;
            for (long id : reflections.due(clock.instant())) {
                if (reflections.remind(id, clock.instant()) == 0) continue;
                remind(h, reflections.challenge(id), Paths.challenge(id) + "/reflection");
                reminded++;
            }
            for (long id : reflections.dueTasks(clock.instant())) {
                if (reflections.remindTask(id, clock.instant()) == 0) continue;
                remind(h, reflections.task(id), Paths.offer(id));
                reminded++;
            }
            return reminded;
        });
    }

    private void remind(Handle h, ReflectionDao.Decided decided, String path) {
        notifier.notifyStaff(h, decided.organisationId(), new Notice(NotificationKind.REWARD, 0, "Atelier", decided.title(), "reflection.reminder", path),
                clock.instant());
    }

    /**
     * How an organisation has paid when it promised to pay what it wished after reflection, so that contributors can
     * judge whom to work with; shown on its page.
     *
     * @param ended reflection periods over (or paid before their end)
     * @param paid how many of those the organisation paid
     * @param total what it paid over all of them, in cents
     */
    public record History(long ended, long paid, long total, String currency) {
        public long average() {
            return paid == 0 ? 0 : total / paid;
        }
    }

    public History history(long organisationId) {
        return db.read(h -> {
            var history = h.attach(ReflectionDao.class).history(organisationId, clock.instant());
            return new History(history.ended(), history.paid(), history.total(), h.attach(PlanDao.class).currency(organisationId));
        });
    }
}
