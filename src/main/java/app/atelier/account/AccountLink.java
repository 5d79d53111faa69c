package app.atelier.account;

/** A single-use link sent by email, as the database keeps it: for whom, why, and the address it was sent to. */
record AccountLink(long memberId, Purpose purpose, String email) {
    enum Purpose {
        VERIFY, RESET
    }
}
