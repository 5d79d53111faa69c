package app.atelier.ledger;

import java.util.List;

/** The ledger recomputed from its postings: anything here is a fault to look into, and normally nothing is. */
public record LedgerCheck(long transactions, long accounts, List<Disagreement> disagreements, List<Unbalanced> unbalanced) {

    /** An account whose kept balance is not the sum of its postings, or that went below zero. */
    public record Disagreement(AccountKind kind, long ownerId, String currency, long kept, long summed) {
    }

    /** A transaction whose postings do not sum to zero, or that has fewer than two. */
    public record Unbalanced(long transactionId, long total, long postings, String currency) {
    }

    public boolean sound() {
        return disagreements.isEmpty() && unbalanced.isEmpty();
    }
}
