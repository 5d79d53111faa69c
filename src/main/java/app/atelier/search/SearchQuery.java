package app.atelier.search;

import app.atelier.challenge.ContributionKind;
import app.atelier.challenge.Stage;
import app.atelier.contribution.ContributionStatus;
import app.atelier.db.FullText;
import app.atelier.web.Forms;
import app.atelier.web.HttpProblem;
import io.javalin.http.Context;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.StringJoiner;

/** What a person searches for, narrowed by what is found, the company, the stage, the kind and the status. */
public record SearchQuery(String text, Found found, Long organisationId, Stage stage, ContributionKind kind, ContributionStatus status,
                          int page) {
    static final int MAX_PAGE = 50;

    /** What a result is. */
    public enum Found {
        CHALLENGE, CONTRIBUTION, COMMENT;

        public String key() {
            return "search.found." + name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    public static SearchQuery from(Context ctx) {
        String text = ctx.queryParam("q") == null ? "" : ctx.queryParam("q").strip();
        int page = Forms.page(ctx);
        if (page > MAX_PAGE) throw new HttpProblem.BadRequest();
        return new SearchQuery(text, Forms.choice(Found.class, ctx.queryParam("found")), Forms.optionalId(ctx.queryParam("organisation")),
                Forms.choice(Stage.class, ctx.queryParam("stage")), Forms.choice(ContributionKind.class, ctx.queryParam("kind")),
                Forms.choice(ContributionStatus.class, ctx.queryParam("status")), page);
    }

    public boolean tooLong() {
        return text.length() > FullText.MAX_LENGTH;
    }

    /** The words as the index reads them, or empty when there is nothing to search. */
    FullText.Match match() {
        return FullText.allWords(tooLong() ? "" : text);
    }

    /** A kind or a status narrows the results to contributions. */
    boolean contributionsOnly() {
        return kind != null || status != null || found == Found.CONTRIBUTION;
    }

    boolean wants(Found what) {
        if (what != Found.CONTRIBUTION && contributionsOnly()) return false;
        return found == null || found == what;
    }

    /** This search's address at another page. */
    public String address(int at) {
        var query = new StringJoiner("&", "/search?", "");
        query.add("q=" + URLEncoder.encode(text, StandardCharsets.UTF_8));
        if (found != null) query.add("found=" + found.name());
        if (organisationId != null) query.add("organisation=" + organisationId);
        if (stage != null) query.add("stage=" + stage.name());
        if (kind != null) query.add("kind=" + kind.name());
        if (status != null) query.add("status=" + status.name());
        if (at > 1) query.add("page=" + at);
        return query.toString();
    }
}
