package app.atelier.search;

import app.atelier.web.Current;
import app.atelier.web.Page;
import app.atelier.web.Role;
import app.atelier.web.View;
import io.javalin.config.RoutesConfig;

/** The search page, which the search box in every page's header opens. */
public final class SearchRoutes {

    public record SearchPage(SearchService.Results results) implements Page {
        @Override
        public String template() {
            return "search/results.jte";
        }

        public SearchQuery query() {
            return results.query();
        }
    }

    private final SearchService search;

    public SearchRoutes(SearchService search) {
        this.search = search;
    }

    public void register(RoutesConfig routes) {
        routes.get("/search", ctx -> View.render(ctx, new SearchPage(search.search(Current.viewer(ctx), SearchQuery.from(ctx)))), Role.ANYONE);
    }
}
