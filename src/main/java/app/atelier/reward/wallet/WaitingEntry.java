package app.atelier.reward.wallet;

import java.time.Instant;

/** Money a bank statement reported that matched no wallet, waiting for an admin to assign it or send it back. */
public record WaitingEntry(String reference, long amount, String currency, String bookedOn, String counterparty, String information, Instant importedAt) {
}
