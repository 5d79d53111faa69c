package app.atelier.contribution;

import app.atelier.challenge.ChallengeService;
import app.atelier.challenge.ChallengeState;
import app.atelier.challenge.Visibility;
import app.atelier.db.Database;
import app.atelier.organisation.OrganisationAccess;
import app.atelier.web.Cursor;
import app.atelier.web.Slice;
import app.atelier.web.Viewer;
import java.util.EnumSet;
import java.util.List;

/**
 * What became of the contributions an organisation took up: accepted, then in development, launched or dropped,
 * each step an official response, dated, which its author and followers heard of. A customer sees that taking part
 * changes products.
 */
public final class FollowUpService {
    /** How many contributions a decided challenge's outcome lists. */
    static final int OUTCOME = 20;
    static final int PAGE = 20;

    private final Database db;

    public FollowUpService(Database db) {
        this.db = db;
    }

    /** A decided challenge's outcome: the contributions it took up and what became of them, for those who see them all. */
    public List<Followed> ofChallenge(Viewer viewer, ChallengeService.Access access) {
        var state = access.challenge().state();
        boolean decided = state == ChallengeState.DECIDED || state == ChallengeState.CLOSED;
        if (!decided || !access.seesAllContributions(viewer)) return List.of();
        return db.read(h -> Followed.of(h, h.attach(ContributionDao.class).taken(access.challenge().id(), ContributionStatus.TAKEN, OUTCOME)));
    }

    /** Everything the organisation took up, newest first: from its public challenges, or all of them for its staff. */
    public Slice<Followed> ofOrganisation(OrganisationAccess access, Cursor after) {
        long before = after == null ? Long.MAX_VALUE : after.id();
        return db.read(h -> {
            var seen = access.staff() ? EnumSet.allOf(Visibility.class) : EnumSet.of(Visibility.PUBLIC);
            var rows = h.attach(ContributionDao.class).takenBy(access.organisationId(), seen, ContributionStatus.TAKEN, before, PAGE + 1);
            return Slice.of(Followed.of(h, rows), PAGE, after, f -> Cursor.ofId(f.contribution().id()));
        });
    }
}
