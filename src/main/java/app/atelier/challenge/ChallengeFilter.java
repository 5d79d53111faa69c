package app.atelier.challenge;

import app.atelier.web.Forms;
import app.atelier.web.HttpProblem;
import io.javalin.http.Context;
import java.util.Arrays;
import java.util.StringJoiner;

/**
 * What the challenges page is narrowed to; each part null for any. A value we never offered is a bad request,
 * not a silently empty list.
 */
public record ChallengeFilter(Stage stage, ChallengeState state, Mode mode, Long organisationId) {
    public static ChallengeFilter from(Context ctx) {
        ChallengeState state = Forms.choice(ChallengeState.class, ctx.queryParam("state"));
        if (state == ChallengeState.DRAFT) throw new HttpProblem.BadRequest();
        return new ChallengeFilter(Forms.choice(Stage.class, ctx.queryParam("stage")), state, Forms.choice(Mode.class, ctx.queryParam("mode")),
                Forms.optionalId(ctx.queryParam("organisation")));
    }

    /** The states a visitor can filter by: every one but a draft's. */
    public static ChallengeState[] states() {
        return Arrays.stream(ChallengeState.values()).filter(s -> s != ChallengeState.DRAFT).toArray(ChallengeState[]::new);
    }

    /** The page's address with this filter, ready for a cursor. */
    public String address() {
        var query = new StringJoiner("&", "?", "").setEmptyValue("");
        if (stage != null) query.add("stage=" + stage.name());
        if (state != null) query.add("state=" + state.name());
        if (mode != null) query.add("mode=" + mode.name());
        if (organisationId != null) query.add("organisation=" + organisationId);
        return "/challenges" + query;
    }
}
