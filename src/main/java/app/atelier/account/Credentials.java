package app.atelier.account;

/** What signing in checks a password against; never leaves this package. */
record Credentials(long memberId, String passwordHash) {
}
