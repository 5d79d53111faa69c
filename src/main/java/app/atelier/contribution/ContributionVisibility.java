package app.atelier.contribution;

import app.atelier.challenge.ChallengeDao;
import app.atelier.challenge.ChallengeService;
import app.atelier.challenge.Visibility;
import app.atelier.web.Viewer;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/**
 * Who may open a contribution, written once: whoever may open its challenge (drafts for staff, private ones for
 * those eligible), and in a confidential challenge only its author and the staff. The contribution page, every
 * list, every fragment and every notification asks this rule, never a rule of its own.
 */
final class ContributionVisibility {
    private ContributionVisibility() {
    }

    public static boolean maySee(Handle h, Viewer viewer, long challengeId, long authorId) {
        return ChallengeService.accessible(h, viewer, challengeId).filter(a -> a.seesContributionsOf(viewer, authorId)).isPresent();
    }

    /** The items of a list that the viewer may open, in their order; each challenge's access is read once. */
    public static List<ContributionSummary> visible(Handle h, Viewer viewer, List<ContributionSummary> items) {
        var access = new HashMap<Long, Optional<ChallengeService.Access>>();
        return items.stream()
                .filter(c -> access.computeIfAbsent(c.challengeId(), id -> ChallengeService.accessible(h, viewer, id))
                        .filter(a -> a.seesContributionsOf(viewer, c.authorId())).isPresent())
                .toList();
    }

    /**
     * Those among the members who may open a contribution: the only ones told about it. Those who may open its
     * challenge may open it too, except in a confidential challenge, where each is asked.
     */
    public static List<Long> readers(Handle h, long challengeId, long authorId, Collection<Long> members) {
        var readers = ChallengeService.readers(h, challengeId, members);
        if (h.attach(ChallengeDao.class).find(challengeId).orElseThrow().visibility() != Visibility.CONFIDENTIAL) return readers;
        return readers.stream().filter(id -> maySee(h, ChallengeService.recipient(id), challengeId, authorId)).toList();
    }
}
