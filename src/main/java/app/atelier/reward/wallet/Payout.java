package app.atelier.reward.wallet;

import java.time.Instant;
import java.util.Optional;

/**
 * A contributor's request to be paid their earnings: open until it is paid, sent to the bank once in a batch
 * ({@code batchId}), and returned, with the bank's reason, if the bank sends it back.
 */
public record Payout(long id, long memberId, String memberName, long amount, String currency, Instant requestedAt, Instant paidAt,
                     String reference, Long batchId, Instant sentAt, Instant returnedAt, String returnReason) {
    private static final String END_TO_END = "ATP-";

    /** What the transfer carries to the bank and back, naming this payout. */
    public String endToEndId() {
        return END_TO_END + id;
    }

    /** The payout an end-to-end id names, if it names one. */
    public static Optional<Long> named(String endToEndId) {
        if (endToEndId == null || !endToEndId.matches(END_TO_END + "[1-9]\\d{0,17}")) return Optional.empty();
        return Optional.of(Long.parseLong(endToEndId.substring(END_TO_END.length())));
    }

    public String stateKey() {
        if (returnedAt != null) return "payout.state.returned";
        if (paidAt != null) return "payout.state.paid";
        if (batchId != null) return "payout.state.sent";
        return "payout.state.requested";
    }
}
