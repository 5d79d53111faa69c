package app.atelier.ledger;

/** What a transaction is for: a deposit, a challenge, a contribution, a sales declaration, a payout. */
public record Cause(String type, long id) {
    public static final String DEPOSIT = "deposit";
    public static final String CHALLENGE = "challenge";
    public static final String CONTRIBUTION = "contribution";
    public static final String TASK = "task";
    public static final String PAYOUT = "payout";
    public static final String SESSION = "session";
}
