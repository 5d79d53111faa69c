package app.atelier.community;

import app.atelier.web.Errors;
import app.atelier.web.Forms;
import app.atelier.web.Invalid;
import io.javalin.http.Context;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/** The profile a member applies with: who they are, how they use the products, what they are good at, why. */
public record ApplicationForm(String city, String country, String ageRange, String occupation, String productUse,
                              String skills, String motivation) {
    public static final List<String> AGE_RANGES = List.of("18-24", "25-34", "35-44", "45-54", "55-64", "65+");
    static final int SHORT_MAX = 100;
    static final int LONG_MAX = 2_000;
    static final int MAX_TAGS = 12;

    public static ApplicationForm empty() {
        return new ApplicationForm("", "", "", "", "", "", "");
    }

    public static ApplicationForm from(Context ctx) {
        return new ApplicationForm(Forms.text(ctx, "city"), Forms.text(ctx, "country"), Forms.text(ctx, "ageRange"),
                Forms.text(ctx, "occupation"), Forms.multiline(ctx, "productUse"), Forms.text(ctx, "skills"),
                Forms.multiline(ctx, "motivation"));
    }

    static ApplicationForm of(Membership m) {
        return new ApplicationForm(m.city(), m.country(), m.ageRange(), m.occupation(), m.productUse(),
                String.join(", ", m.tags()), m.motivation());
    }

    /** Skills and interests as tags: lower case, without repeats. */
    String tags() {
        return Membership.tags(skills.toLowerCase(Locale.ROOT)).stream().collect(Collectors.joining(","));
    }

    void validate() {
        var errors = Errors.none().text("city", city, SHORT_MAX).text("country", country, SHORT_MAX)
                .text("occupation", occupation, SHORT_MAX).text("productUse", productUse, LONG_MAX)
                .text("skills", skills, LONG_MAX).text("motivation", motivation, LONG_MAX);
        if (!AGE_RANGES.contains(ageRange)) errors.add("ageRange", "error.choice");
        if (Membership.tags(skills).size() > MAX_TAGS) errors.add("skills", "error.tooManyTags", MAX_TAGS);
        Invalid.unless(errors);
    }
}
