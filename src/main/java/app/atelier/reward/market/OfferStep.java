package app.atelier.reward.market;

/**
 * What can be done to an offer, by whom, from which state: the one table the service moves offers by and the offer's
 * page asks before it shows a button. Approving or rejecting a task paid after reflection is not offered: it is
 * received, then paid what the organisation wishes.
 */
public enum OfferStep {
    ACCEPT(Party.AUTHOR, OfferState.OFFERED),
    DECLINE(Party.AUTHOR, OfferState.OFFERED),
    DELIVER(Party.AUTHOR, OfferState.ACCEPTED),
    APPROVE(Party.MANAGER, OfferState.DELIVERED),
    REJECT(Party.MANAGER, OfferState.DELIVERED),
    PAY_AFTER_REFLECTION(Party.MANAGER, OfferState.RECEIVED),
    DISPUTE(Party.AUTHOR, OfferState.REJECTED),
    PAY(Party.ADMIN, OfferState.DISPUTED),
    REFUND(Party.ADMIN, OfferState.DISPUTED);

    /** Who takes a step: the contributor the offer is made to, a manager of the organisation, a platform admin. */
    enum Party { AUTHOR, MANAGER, ADMIN }

    final Party party;
    final OfferState from;

    OfferStep(Party party, OfferState from) {
        this.party = party;
        this.from = from;
    }
}
