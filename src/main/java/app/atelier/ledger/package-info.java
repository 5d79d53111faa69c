/**
 * The double-entry ledger, and the rules it never breaks:
 * <ul>
 * <li>amounts are whole minor units in a {@code long}, in one currency per transaction, and never wrap;</li>
 * <li>a transaction's postings sum to zero, and it has two at least; once written it is never changed;</li>
 * <li>an account's balance is the sum of its postings; only the outside world goes below zero;</li>
 * <li>every transaction has an idempotency key ({@link app.atelier.ledger.Keys}): the same key with the same
 * content returns the first transaction, with other content it is refused;</li>
 * <li>each commitment (a contest's pool, an accepted offer or paid task, a booked session) holds its money in an
 * account of its own ({@link app.atelier.ledger.Hold}), which lives one way: held, then paid, released or refunded,
 * so closing one commitment never touches another's money.</li>
 * </ul>
 * {@link app.atelier.ledger.Ledger#check} recomputes all of it from the postings.
 */
package app.atelier.ledger;
