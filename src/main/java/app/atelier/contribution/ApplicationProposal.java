package app.atelier.contribution;

import app.atelier.challenge.Arrangement;

/** What an application proposal adds to its text (what they would build): who proposes, for which market, what they ask for. */
public record ApplicationProposal(String proposer, String market, Arrangement arrangement, String request) {
}
