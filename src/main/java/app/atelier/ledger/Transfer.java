package app.atelier.ledger;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The postings of one transaction, built as moves of money from one account to another. Moves touching the same
 * account are added together, so a split among many contributors takes one posting each. Amounts never wrap.
 */
public final class Transfer {
    private final String key;
    private final Event event;
    private final String subject;
    private final Cause cause;
    private final Map<Account, Long> postings = new LinkedHashMap<>();
    private final Map<Account, Long> gross = new LinkedHashMap<>();
    private Integer feeRateBp;
    private Long recordedBy;

    private Transfer(String key, Event event, String subject, Cause cause) {
        this.key = key;
        this.event = event;
        this.subject = subject;
        this.cause = cause;
    }

    /**
     * @param key     the idempotency key: one operation, one key, so that doing it again changes nothing
     * @param subject what the event is about, in no language: a title, a bank reference, a period
     */
    public static Transfer of(String key, Event event, String subject, Cause cause) {
        return new Transfer(key, event, subject, cause);
    }

    public Transfer move(Account from, Account to, long amount) {
        if (amount <= 0) throw new IllegalArgumentException("a move is of a positive amount: " + amount);
        postings.merge(from, -amount, Math::addExact);
        postings.merge(to, amount, Math::addExact);
        return this;
    }

    /** Pays an amount before the platform's fee into an account that receives {@code net} of it: the account's line shows both. */
    public Transfer moveNet(Account from, Account to, long net, long grossAmount) {
        gross.merge(to, grossAmount, Math::addExact);
        return move(from, to, net);
    }

    /** The fee rate in force, kept on the transaction so that a later change of rate does not alter it. */
    public Transfer feeRate(int basisPoints) {
        this.feeRateBp = basisPoints;
        return this;
    }

    public Transfer recordedBy(long memberId) {
        this.recordedBy = memberId;
        return this;
    }

    public String key() {
        return key;
    }

    Event event() {
        return event;
    }

    String subject() {
        return subject;
    }

    Cause cause() {
        return cause;
    }

    Integer feeRateBp() {
        return feeRateBp;
    }

    Long recordedBy() {
        return recordedBy;
    }

    /** What each account paid net of a fee was owed before it, for those that were. */
    Long gross(Account account) {
        return gross.get(account);
    }

    /** The postings that are not zero once the moves are added together. */
    Map<Account, Long> postings() {
        var nonZero = new LinkedHashMap<Account, Long>();
        postings.forEach((account, amount) -> {
            if (amount != 0) nonZero.put(account, amount);
        });
        return nonZero;
    }
}
