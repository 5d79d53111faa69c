package app.atelier.contribution;

import app.atelier.challenge.ChallengeService;
import app.atelier.web.HttpProblem;
import app.atelier.web.Viewer;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/**
 * Who may open a contribution, written once: whoever may open its challenge (drafts for staff, private ones for
 * those eligible), and in a confidential challenge only its author and the staff. The contribution page, every
 * list, every fragment and every notification asks this rule, never a rule of its own.
 */
public final class ContributionVisibility {
    private ContributionVisibility() {
    }

    /** The viewer's access to the challenge, or empty where they may not open it at all. */
    public static Optional<ChallengeService.Access> challenge(Handle h, Viewer viewer, long challengeId) {
        try {
            return Optional.of(ChallengeService.access(h, viewer, challengeId));
        } catch (HttpProblem refused) {
            return Optional.empty();
        }
    }

    public static boolean maySee(Handle h, Viewer viewer, long challengeId, long authorId) {
        return challenge(h, viewer, challengeId).filter(a -> a.seesContributionsOf(viewer, authorId)).isPresent();
    }

    /** The items of a list that the viewer may open, in their order; each challenge's access is read once. */
    public static List<ContributionSummary> visible(Handle h, Viewer viewer, List<ContributionSummary> items) {
        var access = new HashMap<Long, Optional<ChallengeService.Access>>();
        return items.stream()
                .filter(c -> access.computeIfAbsent(c.challengeId(), id -> challenge(h, viewer, id))
                        .filter(a -> a.seesContributionsOf(viewer, c.authorId())).isPresent())
                .toList();
    }

    /** Those among the members who may open a contribution: the only ones told about it. */
    public static List<Long> readers(Handle h, long challengeId, long authorId, Collection<Long> members) {
        return new LinkedHashSet<>(members).stream().filter(id -> maySee(h, member(id), challengeId, authorId)).toList();
    }

    /** A recipient as the rule sees them; platform-admin rights are not assumed, so nobody is told more than a member. */
    private static Viewer member(long id) {
        return new Viewer(id, "", false);
    }
}
