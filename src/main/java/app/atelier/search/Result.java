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

    /** How many words of the text a result shows around the first it matched. */
    static final int SNIPPET_WORDS = 30;

    /** The same result with the words the search matched marked, in the title when it matched there, and in a snippet. */
    Result marked(List<String> stems, boolean titleMatches) {
        String shownTitle = titleMatches ? FullText.marked(title, stems) : title;
        return new Result(found, id, challengeId, contributionId, challengeTitle, organisationName, kind, status, shownTitle,
                FullText.excerpt(snippet, stems, SNIPPET_WORDS), createdAt);
    }

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
