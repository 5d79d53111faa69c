package app.atelier.reward.plan;

import app.atelier.ledger.Amounts;
import app.atelier.web.Errors;
import app.atelier.web.Forms;
import app.atelier.web.Text;
import io.javalin.http.Context;
import java.util.Locale;

/**
 * Pay-what-you-wish terms as typed, on a challenge's plan or a paid task: whether it is chosen, the days of
 * reflection (1 to 60, 7 when left blank) and a suggested range whose ends are optional.
 */
public record ReflectionForm(boolean reflect, String days, String low, String high) {
    public static ReflectionForm empty() {
        return new ReflectionForm(false, String.valueOf(PlanTerms.Reflection.DEFAULT_DAYS), "", "");
    }

    public static ReflectionForm of(PlanTerms.Reflection terms, String currency, Text text) {
        return new ReflectionForm(terms.promised(), String.valueOf(terms.promised() ? terms.days() : PlanTerms.Reflection.DEFAULT_DAYS),
                terms.low() == null ? "" : text.amount(terms.low(), currency), terms.high() == null ? "" : text.amount(terms.high(), currency));
    }

    public static ReflectionForm from(Context ctx) {
        return new ReflectionForm(ctx.formParam("reflect") != null, Forms.text(ctx, "reflectionDays"), Forms.text(ctx, "suggestedLow"),
                Forms.text(ctx, "suggestedHigh"));
    }

    /** The terms, {@link PlanTerms.Reflection#NONE} if not chosen; what is wrong goes into {@code errors}. */
    public PlanTerms.Reflection parse(Locale locale, String currency, Errors errors) {
        if (!reflect) return PlanTerms.Reflection.NONE;
        int parsed = days.isBlank() ? PlanTerms.Reflection.DEFAULT_DAYS : Forms.wholeNumber(days, 1, PlanTerms.Reflection.MOST_DAYS);
        if (parsed < 0) errors.add("reflectionDays", "reflection.daysRange", PlanTerms.Reflection.MOST_DAYS);
        Long least = optionalAmount("suggestedLow", low, locale, currency, errors);
        Long most = optionalAmount("suggestedHigh", high, locale, currency, errors);
        if (least != null && most != null && least > most) errors.add("suggestedHigh", "reflection.rangeOrder");
        return new PlanTerms.Reflection(parsed, least, most);
    }

    private static Long optionalAmount(String field, String typed, Locale locale, String currency, Errors errors) {
        if (typed.isBlank()) return null;
        var amount = Amounts.parse(typed, locale, currency);
        if (amount.isEmpty()) errors.add(field, "error.amount");
        return amount.orElse(null);
    }
}
