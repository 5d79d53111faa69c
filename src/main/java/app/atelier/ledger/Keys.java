package app.atelier.ledger;

/**
 * Every idempotency key the platform writes, in one place: one operation, one key, so that running it again pays
 * once. A hold's keys are its own ({@link Hold#key}); these are the operations that touch no hold.
 */
public final class Keys {
    private Keys() {
    }

    /** A bank transfer received for an organisation, by the bank's own reference. */
    public static String deposit(long organisationId, String reference) {
        return "deposit:" + organisationId + ":" + reference;
    }

    /** A payout the bank sent back: its money returns to the payee's earnings, once. */
    public static String payoutReturned(long payoutId) {
        return "payout-returned:" + payoutId;
    }

    /** Money a bank statement reported coming in, keyed by the bank's own reference for it: imported twice, recorded once. */
    public static String bankEntry(String bankReference) {
        return "bank:" + bankReference;
    }

    /** One sales period of a challenge's royalty, such as 2026-03 or 2026-Q1. */
    public static String royalty(long challengeId, String period) {
        return "royalty:" + challengeId + ":" + period;
    }

    /** What a challenge's organisation paid after reflection. */
    public static String reflection(long challengeId) {
        return "reflection:" + challengeId;
    }

    /** A task received and paid after reflection, from the wallet. */
    public static String paidAfterReflection(long offerId) {
        return "offer:" + offerId + ":pay";
    }

    public static String payout(long payoutId) {
        return "payout:" + payoutId;
    }
}
