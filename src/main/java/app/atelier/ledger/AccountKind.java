package app.atelier.ledger;

/** Whose money an account holds. Only the outside world, which money comes from and goes back to, goes below zero. */
public enum AccountKind {
    /** An organisation's money, deposited and not yet promised. */
    WALLET,
    /** A contest's prize pool, held from the challenge's opening until its winners are paid or it is cancelled. */
    ESCROW,
    /** What a contributor earned and has not yet been paid out. */
    EARNINGS,
    /** The platform's fees. */
    REVENUE,
    /** What a booked expert session may cost, held from the organisation's wallet until it is billed or released. */
    HOLD,
    /** The price of one accepted offer or paid task, held until it is paid or given back. */
    OFFER,
    /** The VAT the platform added to its fees, until it is paid to the tax office. */
    TAX,
    /** Banks and payment providers outside Atelier: deposits come from here, payouts go back. */
    WORLD;

    public boolean mayGoBelowZero() {
        return this == WORLD;
    }
}
