package app.atelier.search;

import app.atelier.challenge.ContributionKind;
import app.atelier.contribution.ContributionStatus;
import app.atelier.db.FullText;
import app.atelier.web.Paths;
import java.time.Instant;
import java.util.List;

/** One thing found, with its title and a snippet cut into pieces, the matched words marked. */
public record Result(SearchQuery.Found found, long id, long challengeId, long contributionId, String challengeTitle, String organisationName,
                     ContributionKind kind, ContributionStatus status, String title, String snippet, Instant createdAt) {

    public List<FullText.Piece> titlePieces() {
        return FullText.pieces(title);
    }

    public List<FullText.Piece> snippetPieces() {
        return FullText.pieces(snippet);
    }

    public String link() {
        return switch (found) {
            case CHALLENGE -> Paths.challenge(id);
            case CONTRIBUTION -> Paths.contribution(id);
            case COMMENT -> Paths.comment(contributionId, id);
        };
    }
}
