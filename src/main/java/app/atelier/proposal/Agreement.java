package app.atelier.proposal;

import app.atelier.challenge.Arrangement;
import java.time.Instant;

/** The agreement reached with a proposer: the arrangement, what the community is told of its terms, who recorded it. */
public record Agreement(Arrangement arrangement, String terms, String recordedByName, Instant recordedAt) {
}
