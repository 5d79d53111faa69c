package app.atelier.search;

import app.atelier.challenge.ChallengeDao;
import app.atelier.challenge.OrganisationName;
import app.atelier.db.Database;
import app.atelier.web.Viewer;
import java.util.List;

/** Full-text search over what the searcher may see. */
public final class SearchService {
    static final int PAGE_SIZE = 20;

    private final Database db;

    public SearchService(Database db) {
        this.db = db;
    }

    /** A page of results, whether another follows, and the organisations a search can be narrowed to. */
    public record Results(SearchQuery query, List<Result> results, boolean more, List<OrganisationName> organisations) {
        public boolean searched() {
            return !query.match().isEmpty();
        }
    }

    public Results search(Viewer viewer, SearchQuery query) {
        return db.read(h -> {
            var organisations = h.attach(ChallengeDao.class).withVisibleChallenges();
            if (query.match().isEmpty()) return new Results(query, List.of(), false, organisations);
            var rows = SearchDao.search(h, query, viewer.signedIn() ? viewer.id() : -1, (query.page() - 1) * PAGE_SIZE, PAGE_SIZE + 1);
            return new Results(query, rows.subList(0, Math.min(rows.size(), PAGE_SIZE)), rows.size() > PAGE_SIZE, organisations);
        });
    }
}
