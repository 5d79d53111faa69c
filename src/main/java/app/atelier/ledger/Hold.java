package app.atelier.ledger;

import org.jdbi.v3.core.Handle;

/**
 * The money one commitment holds, in an account of its own: a contest's pool, an accepted offer or paid task, a
 * booked expert session. A hold lives one way: money is taken from the organisation's wallet into it, then leaves it
 * paid to whom it was promised, or given back to the wallet; nothing else ever touches it, so closing one
 * commitment can never take another's money. Each step is a transaction keyed by the hold and the step, so doing
 * a step twice does it once.
 */
public record Hold(Account account, long organisationId, Cause cause, String name) {

    /** The steps of a hold's life, each with the word that ends its key ({@code offer:12:pay}). */
    public enum Step {
        /** A contest's pool taken from the wallet as the challenge opens. */
        FUND("fund"),
        /** A price or a session's most taken from the wallet. */
        HOLD("hold"),
        /** An offer's price moved out of the escrow it once shared with its challenge's pool. */
        SET_APART("moved"),
        /** What the shared escrow lacked of it, taken again from the wallet. */
        REFILL("refilled"),
        SETTLE("settle"),
        PAY("pay"),
        /** What a session's bill does not take. */
        RELEASE("release"),
        REFUND("refund"),
        CANCEL("cancel");

        private final String word;

        Step(String word) {
            this.word = word;
        }
    }

    public static Hold pool(long challengeId, long organisationId, String currency) {
        return new Hold(new Account(AccountKind.ESCROW, challengeId, currency), organisationId, new Cause(Cause.CHALLENGE, challengeId), "challenge:" + challengeId);
    }

    public static Hold offer(long offerId, long organisationId, String currency, Cause cause) {
        return new Hold(new Account(AccountKind.OFFER, offerId, currency), organisationId, cause, "offer:" + offerId);
    }

    public static Hold session(long sessionId, long organisationId, String currency) {
        return new Hold(new Account(AccountKind.HOLD, sessionId, currency), organisationId, new Cause(Cause.SESSION, sessionId), "session:" + sessionId);
    }

    public Account wallet() {
        return Account.wallet(organisationId, account.currency());
    }

    public String key(Step step) {
        return name + ":" + step.word;
    }

    /** Takes the amount from the wallet into the hold, or throws {@link Ledger.Insufficient} with what the wallet lacks. */
    public long take(Ledger ledger, Handle h, Step step, long amount, Event event, String subject) {
        return fill(ledger, h, transfer(step, event, subject).move(wallet(), account, amount));
    }

    /** Records a transfer that puts money into the hold, which from then on counts as the organisation's money held. */
    public long fill(Ledger ledger, Handle h, Transfer transfer) {
        long id = ledger.record(h, transfer);
        h.attach(LedgerDao.class).holdFor(account, organisationId);
        return id;
    }

    /** Gives the amount back to the wallet. */
    public long giveBack(Ledger ledger, Handle h, Step step, long amount, Event event, String subject) {
        return ledger.record(h, transfer(step, event, subject).move(account, wallet(), amount));
    }

    /** A transaction of this hold, for the caller to add its moves to (paying winners, a contributor, an expert). */
    public Transfer transfer(Step step, Event event, String subject) {
        return Transfer.of(key(step), event, subject, cause);
    }

    /** What the hold has now. */
    public long balance(Ledger ledger, Handle h) {
        return ledger.balance(h, account);
    }
}
