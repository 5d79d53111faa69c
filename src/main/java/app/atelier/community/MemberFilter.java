package app.atelier.community;

import app.atelier.web.Forms;
import app.atelier.web.HttpProblem;
import io.javalin.http.Context;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.StringJoiner;

/**
 * Which people of a community the staff look at: one state, narrowed by name and by the profile fields that
 * segments use; each text left empty lets everyone through. {@code state} null means the page's default.
 */
public record MemberFilter(MembershipState state, String name, String country, String ageRange, String skill, int page) {
    static final int MAX = 100;

    public static MemberFilter from(Context ctx) {
        var filter = new MemberFilter(Forms.choice(MembershipState.class, ctx.queryParam("state")), query(ctx, "name"), query(ctx, "country"),
                query(ctx, "ageRange"), query(ctx, "skill"), Forms.page(ctx));
        if (!filter.ageRange.isEmpty() && !ApplicationForm.AGE_RANGES.contains(filter.ageRange)) throw new HttpProblem.BadRequest();
        return filter;
    }

    private static String query(Context ctx, String name) {
        String value = ctx.queryParam(name);
        if (value == null) return "";
        value = value.strip();
        return value.length() > MAX ? value.substring(0, MAX) : value;
    }

    MemberFilter inState(MembershipState chosen) {
        return new MemberFilter(chosen, name, country, ageRange, skill, page);
    }

    public boolean narrows() {
        return !(name + country + ageRange + skill).isEmpty();
    }

    /** The page's address with this filter, ending where a page number can follow. */
    public String address(long organisationId) {
        var query = new StringJoiner("&", "/organisations/" + organisationId + "/community?", "&");
        query.add("state=" + state.name());
        add(query, "name", name);
        add(query, "country", country);
        add(query, "ageRange", ageRange);
        add(query, "skill", skill);
        return query.toString();
    }

    private static void add(StringJoiner query, String field, String value) {
        if (!value.isEmpty()) query.add(field + "=" + URLEncoder.encode(value, StandardCharsets.UTF_8));
    }
}
