package app.atelier.ledger;

/** One account of the ledger: a kind, its owner (an organisation, a challenge, an offer, a member, a session; 0 for the platform) and a currency. */
public record Account(AccountKind kind, long ownerId, String currency) {

    public static Account wallet(long organisationId, String currency) {
        return new Account(AccountKind.WALLET, organisationId, currency);
    }

    public static Account earnings(long memberId, String currency) {
        return new Account(AccountKind.EARNINGS, memberId, currency);
    }

    public static Account revenue(String currency) {
        return new Account(AccountKind.REVENUE, 0, currency);
    }

    /** The VAT the platform charged on its fees, owed to the tax office. */
    public static Account tax(String currency) {
        return new Account(AccountKind.TAX, 0, currency);
    }

    public static Account world(String currency) {
        return new Account(AccountKind.WORLD, 0, currency);
    }
}
