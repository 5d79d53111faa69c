package app.atelier.reward.market;

import app.atelier.challenge.ChallengeService;
import app.atelier.db.Database;
import app.atelier.fee.Fee;
import app.atelier.fee.FeeRates;
import app.atelier.invoice.BillingService;
import app.atelier.invoice.Document;
import app.atelier.invoice.Documents;
import app.atelier.ledger.Account;
import app.atelier.ledger.Amounts;
import app.atelier.ledger.Event;
import app.atelier.ledger.Hold;
import app.atelier.ledger.Keys;
import app.atelier.ledger.Ledger;
import app.atelier.ledger.Transfer;
import app.atelier.notification.Notice;
import app.atelier.notification.NotificationKind;
import app.atelier.notification.Notifier;
import app.atelier.reward.plan.LargePayment;
import app.atelier.reward.plan.PlanDao;
import app.atelier.web.Amount;
import app.atelier.web.Errors;
import app.atelier.web.HttpProblem;
import app.atelier.web.Invalid;
import app.atelier.web.Paths;
import app.atelier.web.Viewer;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;
import org.jdbi.v3.core.Handle;

/**
 * Marketplace work: an organisation offers a price for an accepted contribution; the price is held in a hold of the
 * offer's own when the contributor accepts, with the fee rate in force then, and on approval of the delivery the
 * platform keeps that fee and the contributor the rest. Nothing that happens to the challenge touches the hold.
 */
public final class MarketService {
    static final int NOTE_MAX = 2_000;
    private static final Set<String> ACCEPTED = Set.of("ACCEPTED", "IN_DEVELOPMENT", "IMPLEMENTED");

    private final Database db;
    private final Clock clock;
    private final Ledger ledger;
    private final Notifier notifier;
    private final LargePayment large;
    private final Documents documents;

    /** @param confirmAbove the payment after reflection, in cents, above which the organisation confirms the amount it typed */
    public MarketService(Database db, Clock clock, Ledger ledger, Notifier notifier, long confirmAbove, Documents documents) {
        this.db = db;
        this.documents = documents;
        this.clock = clock;
        this.ledger = ledger;
        this.notifier = notifier;
        this.large = new LargePayment(confirmAbove);
    }

    /**
     * An offer as one viewer may act on it; {@code pending} when paid after reflection and the period is over unpaid.
     * @param documents what its payment left that the viewer is a party to; none before it is paid
     */
    public record Seen(Offer offer, boolean author, boolean manages, boolean admin, boolean pending, List<Document> documents) {
        /** Whether the viewer may take this step now: their part in the offer, and the state it is in. */
        public boolean may(OfferStep step) {
            return takes(step) && offer.state() == step.from && !(offer.afterReflection() && step == OfferStep.REJECT);
        }

        /** Whether the viewer is the party who takes this step. */
        boolean takes(OfferStep step) {
            return switch (step.party) {
                case AUTHOR -> author;
                case MANAGER -> manages;
                case ADMIN -> admin;
            };
        }
    }

    /**
     * The offers on a contribution, for whoever may read it: what the organisation pays for is part of the plan
     * contributors weigh before they take part. An offer the contributor declined is theirs and the staff's only.
     */
    public List<Offer> offers(Viewer viewer, ChallengeService.Access access, long authorId, long contributionId) {
        boolean party = access.moderates() || viewer.is(authorId);
        return db.read(h -> h.attach(OfferDao.class).ofContribution(contributionId)).stream()
                .filter(o -> party || o.state() != OfferState.DECLINED).toList();
    }

    /** The challenge's offers on contributions, but those declined, for its page: what the organisation pays for is part of its plan. */
    public static List<Offer> ofChallenge(Handle h, long challengeId) {
        return h.attach(OfferDao.class).ofChallenge(challengeId);
    }

    public Seen seen(Viewer viewer, long offerId) {
        return db.read(h -> seen(h, viewer, offerId, clock.instant()));
    }

    private static Seen seen(Handle h, Viewer viewer, long offerId, Instant now) {
        var offers = h.attach(OfferDao.class);
        var offer = offers.find(offerId).orElseThrow(HttpProblem.NotFound::new);
        var access = ChallengeService.access(h, viewer, offer.challengeId());
        boolean author = viewer.is(offer.memberId());
        if (!author && !access.moderates()) throw new HttpProblem.NotFound();
        return new Seen(offer, author, access.manages(), viewer.admin(), offer.pending(now), Documents.ofPayments(h, viewer, offer.hold().key(Hold.Step.PAY), Keys.paidAfterReflection(offerId)));
    }

    /** The contribution a manager would make an offer for, checked: accepted, and without an offer under way. */
    public record Offering(long contributionId, long challengeId, long authorId, String title, String currency, Fee fee) {
    }

    public Offering offering(Viewer viewer, long contributionId) {
        return db.read(h -> offering(h, viewer, contributionId));
    }

    private static Offering offering(Handle h, Viewer viewer, long contributionId) {
        var offers = h.attach(OfferDao.class);
        var priced = offers.priced(contributionId).orElseThrow(HttpProblem.NotFound::new);
        var access = ChallengeService.access(h, viewer, priced.challengeId());
        if (!access.manages()) throw new HttpProblem.Forbidden();
        if (!ACCEPTED.contains(priced.status())) throw new HttpProblem.Conflict("offer.notAccepted");
        if (offers.live(contributionId)) throw new HttpProblem.Conflict("offer.exists");
        BillingService.requireBilling(h, access.challenge().organisationId());
        return new Offering(contributionId, priced.challengeId(), priced.authorId(), access.challenge().title(), h.attach(PlanDao.class).currency(access.challenge().organisationId()),
                FeeRates.current(h));
    }

    public long offer(Viewer viewer, long contributionId, String price, Locale locale) {
        return db.write(h -> {
            var offering = offering(h, viewer, contributionId);
            var amount = Amounts.parse(price, locale, offering.currency());
            if (amount.isEmpty()) throw Invalid.of("price", "error.amount");
            if (amount.get() == 0) throw Invalid.of("price", "error.amountPositive");
            long id = h.attach(OfferDao.class).offer(offering.challengeId(), contributionId, offering.authorId(), amount.get(), offering.currency(),
                    viewer.id(), clock.instant());
            tell(h, viewer, offering.authorId(), offering.title(), "offer.made", id);
            return id;
        });
    }

    /** The contributor takes the offer: its price and VAT move from the wallet into the offer's hold, and its fee rate and VAT terms are frozen. */
    public void accept(Viewer viewer, long offerId) {
        act(viewer, offerId, OfferStep.ACCEPT, OfferState.ACCEPTED, "", (h, offer) -> agree(ledger, h, offer));
    }

    /**
     * Freezes the fee rate and VAT terms in force on an offer just agreed, and holds its price and VAT (if it has a
     * price), or says how much the wallet lacks.
     */
    static void agree(Ledger ledger, Handle h, Offer offer) {
        h.attach(OfferDao.class).freeze(offer.id(), FeeRates.current(h).rateBp(), offer.vat());
        if (offer.price() == null) return;
        long paid = offer.breakdown().paid();
        try {
            offer.hold().take(ledger, h, Hold.Step.HOLD, paid, Event.PRICE_HELD, offer.contributionTitle());
        } catch (Ledger.Insufficient refused) {
            throw new HttpProblem.Conflict("offer.unfunded", new Amount(paid, offer.currency()), new Amount(refused.missing(), offer.currency()));
        }
    }

    public void decline(Viewer viewer, long offerId) {
        act(viewer, offerId, OfferStep.DECLINE, OfferState.DECLINED, "", (h, offer) -> {
        });
    }

    public void deliver(Viewer viewer, long offerId, String note) {
        act(viewer, offerId, OfferStep.DELIVER, OfferState.DELIVERED, required(note), (h, offer) -> {
        });
    }

    /** Approval pays the price; a task paid after reflection is received instead, and its reflection period starts. */
    public void approve(Viewer viewer, long offerId) {
        act(viewer, offerId, OfferStep.APPROVE, offer -> offer.afterReflection() ? OfferState.RECEIVED : OfferState.PAID, "", (h, offer) -> {
            if (offer.afterReflection()) h.attach(OfferDao.class).reflectUntil(offerId, clock.instant().plus(offer.reflectionDays(), ChronoUnit.DAYS));
            else pay(h, offer);
        });
    }

    /** What the work was worth is said by what is paid after reflection, zero included: such a delivery is not rejected. */
    public void reject(Viewer viewer, long offerId, String reason) {
        if (seen(viewer, offerId).offer().afterReflection()) throw new HttpProblem.Conflict("offer.receiveInstead");
        act(viewer, offerId, OfferStep.REJECT, OfferState.REJECTED, required(reason), (h, offer) -> {
        });
    }

    /**
     * Pays a received task what the organisation wishes, once: any amount from zero up, with the marketplace fee,
     * from the wallet, or refused with the missing amount and nothing saved.
     */
    public void payAfterReflection(Viewer viewer, long offerId, String typed, String message, boolean confirmed, Locale locale) {
        db.execute(h -> {
            var seen = seen(h, viewer, offerId, clock.instant());
            if (!seen.takes(OfferStep.PAY_AFTER_REFLECTION)) throw new HttpProblem.Forbidden();
            var offer = seen.offer();
            if (offer.state() == OfferState.PAID) throw new HttpProblem.Conflict("reflection.alreadyPaid");
            if (!seen.may(OfferStep.PAY_AFTER_REFLECTION)) throw new HttpProblem.Conflict("offer.stateChanged");
            var amount = Amounts.parse(typed, locale, offer.currency());
            var errors = Errors.none();
            if (amount.isEmpty()) errors.add("amount", "error.amount");
            if (message.length() > NOTE_MAX) errors.add("note", "error.tooLong", NOTE_MAX);
            Invalid.unless(errors);
            if (h.attach(OfferDao.class).paidAfterReflection(offerId, amount.get(), message.strip(), clock.instant()) == 0) {
                throw new HttpProblem.Conflict("reflection.alreadyPaid");
            }
            if (amount.get() > 0) payFromWallet(h, offer, amount.get());
            // After the wallet's answer, so that a payment it cannot make says so first; refusing rolls all of it back.
            large.check(amount.get(), offer.reflection(), offer.currency(), confirmed, "amount");
            tell(h, viewer, offer.memberId(), offer.contributionTitle(), "reflection.paidNotice", offerId);
        });
    }

    private void payFromWallet(Handle h, Offer offer, long amount) {
        var wallet = Account.wallet(offer.organisationId(), offer.currency());
        var breakdown = offer.fee().breakdown(amount, offer.vat());
        try {
            var transfer = offer.fee().pay(Transfer.of(Keys.paidAfterReflection(offer.id()), Event.PAID_AFTER_REFLECTION, offer.contributionTitle(),
                    offer.cause()), wallet, offer.memberId(), amount, offer.vat());
            ledger.record(h, transfer);
            documents.paid(h, new Documents.Payment(offer.organisationId(), offer.memberId(), offer.contributionTitle(), offer.currency(), breakdown,
                    transfer.key(), Documents.Quantity.one(amount)));
        } catch (Ledger.Insufficient refused) {
            throw Invalid.of("amount", "reflection.unfunded", new Amount(breakdown.paid(), offer.currency()), new Amount(refused.missing(), offer.currency()));
        }
    }

    public void dispute(Viewer viewer, long offerId, String note) {
        act(viewer, offerId, OfferStep.DISPUTE, OfferState.DISPUTED, required(note), (h, offer) -> {
        });
    }

    /** An admin settles a dispute: the contributor is paid as on approval, or the organisation gets the price back. */
    public void resolve(Viewer viewer, long offerId, boolean payContributor) {
        if (payContributor) {
            act(viewer, offerId, OfferStep.PAY, OfferState.PAID, "", this::pay);
        } else {
            act(viewer, offerId, OfferStep.REFUND, OfferState.REFUNDED, "",
                    (h, offer) -> offer.hold().giveBack(ledger, h, Hold.Step.REFUND, offer.breakdown().paid(), Event.PRICE_RETURNED, offer.contributionTitle()));
        }
    }

    /** Pays the held price and VAT, less the fee and its VAT the offer froze when it was agreed, and issues their documents. */
    private void pay(Handle h, Offer offer) {
        var hold = offer.hold();
        var transfer = offer.fee().pay(hold.transfer(Hold.Step.PAY, Event.PRICE_PAID, offer.contributionTitle()), hold.account(), offer.memberId(),
                offer.price(), offer.vat());
        ledger.record(h, transfer);
        documents.paid(h, new Documents.Payment(offer.organisationId(), offer.memberId(), offer.contributionTitle(), offer.currency(), offer.breakdown(),
                transfer.key(), Documents.Quantity.one(offer.price())));
    }

    private interface Effect {
        void apply(Handle h, Offer offer);
    }

    private void act(Viewer viewer, long offerId, OfferStep step, OfferState to, String note, Effect effect) {
        act(viewer, offerId, step, offer -> to, note, effect);
    }

    /**
     * Takes the step, moving the offer to the state {@code next} gives for it, if the viewer is the step's party, then
     * applies the effect and tells the other party. The move is made only from the step's state, once.
     */
    private void act(Viewer viewer, long offerId, OfferStep step, Function<Offer, OfferState> next, String note, Effect effect) {
        db.execute(h -> {
            var seen = seen(h, viewer, offerId, clock.instant());
            var to = next.apply(seen.offer());
            if (!seen.takes(step)) throw new HttpProblem.Forbidden();
            if (h.attach(OfferDao.class).move(offerId, step.from, to, note, clock.instant()) == 0) throw new HttpProblem.Conflict("offer.stateChanged");
            effect.apply(h, seen.offer());
            var offer = seen.offer();
            tell(h, viewer, step.party == OfferStep.Party.AUTHOR ? offer.offeredBy() : offer.memberId(), offer.contributionTitle(), to.key(), offerId);
        });
    }

    private void tell(Handle h, Viewer viewer, long memberId, String subject, String detailKey, long offerId) {
        notifier.notify(h, Notice.by(viewer, NotificationKind.REWARD, subject, detailKey, Paths.offer(offerId)), List.of(memberId), clock.instant());
    }

    private static String required(String text) {
        Invalid.unless(Errors.none().text("note", text, NOTE_MAX));
        return text.strip();
    }

    public List<Offer> disputed(Viewer admin) {
        if (!admin.admin()) throw new HttpProblem.Forbidden();
        return db.read(h -> h.attach(OfferDao.class).disputed());
    }
}
