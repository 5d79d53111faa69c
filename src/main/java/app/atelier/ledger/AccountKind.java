package app.atelier.ledger;

/** Whose money an account holds. Only the outside world, which money comes from and goes back to, goes below zero. */
public enum AccountKind {
    /** An organisation's money, deposited and not yet promised. */
    WALLET,
    /** Money promised to a challenge's rewards, held until it is awarded or returned. */
    ESCROW,
    /** What a contributor earned and has not yet been paid out. */
    EARNINGS,
    /** The platform's fees. */
    REVENUE,
    /** What a booked expert session may cost, held from the organisation's wallet until it is billed or released. */
    HOLD,
    /** Banks and payment providers outside Atelier: deposits come from here, payouts go back. */
    WORLD;

    public boolean mayGoBelowZero() {
        return this == WORLD;
    }
}
