package app.atelier.contribution;

import java.util.List;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Handle;

/** A contribution the organisation took up, with each step it told of since, oldest first and dated. */
public record Followed(ContributionSummary contribution, List<OfficialResponse> steps) {

    static List<Followed> of(Handle h, List<ContributionSummary> taken) {
        if (taken.isEmpty()) return List.of();
        var steps = h.attach(ResponseDao.class).steps(taken.stream().map(ContributionSummary::id).toList(), ContributionStatus.TAKEN)
                .stream().collect(Collectors.groupingBy(OfficialResponse::contributionId));
        return taken.stream().map(k -> new Followed(k, steps.getOrDefault(k.id(), List.of()))).toList();
    }
}
