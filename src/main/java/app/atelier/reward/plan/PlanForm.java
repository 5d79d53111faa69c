package app.atelier.reward.plan;

import app.atelier.ledger.Amounts;
import app.atelier.web.Errors;
import app.atelier.web.Forms;
import app.atelier.web.Invalid;
import app.atelier.web.Text;
import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.IntStream;

/**
 * A reward plan as typed: up to {@value #RANKS} ranked prizes and honourable mentions for a contest, and a royalty
 * rate in percent of net sales (two decimals at most, so that it is a whole number of basis points).
 */
public record PlanForm(List<String> prizes, String mentions, String mentionAmount, String royaltyRate, ReflectionForm reflection) {
    public static final int RANKS = 5;
    static final int MOST_MENTIONS = 50;

    public static PlanForm of(PlanTerms terms, String currency, Text text) {
        var table = terms.prizes();
        var prizes = IntStream.range(0, RANKS).mapToObj(i -> i < table.prizes().size() ? text.amount(table.prizes().get(i), currency) : "").toList();
        return new PlanForm(prizes, table.mentions() == 0 ? "" : String.valueOf(table.mentions()),
                table.mentionAmount() == 0 ? "" : text.amount(table.mentionAmount(), currency),
                terms.royaltyBp() == 0 ? "" : text.amount(terms.royaltyBp(), "EUR"), ReflectionForm.of(terms.reflection(), currency, text));
    }

    public static PlanForm from(Context ctx) {
        var prizes = IntStream.rangeClosed(1, RANKS).mapToObj(rank -> Forms.text(ctx, "prize" + rank)).toList();
        return new PlanForm(prizes, Forms.text(ctx, "mentions"), Forms.text(ctx, "mentionAmount"), Forms.text(ctx, "royaltyRate"),
                ReflectionForm.from(ctx));
    }

    /** The plan, or the reasons it is not one: a malformed or zero amount, a rank left out before a later one, a rate over 100 %. */
    public PlanTerms parse(Locale locale, String currency) {
        var errors = Errors.none();
        var amounts = new ArrayList<Long>();
        boolean gap = false;
        for (int i = 0; i < RANKS; i++) {
            String typed = prizes.get(i);
            if (typed.isBlank()) {
                gap = true;
                continue;
            }
            String field = "prize" + (i + 1);
            var amount = Amounts.parse(typed, locale, currency);
            if (amount.isEmpty()) errors.add(field, "error.amount");
            else if (amount.get() == 0) errors.add(field, "error.amountPositive");
            else if (gap) errors.add(field, "error.prizeGap", i);
            else amounts.add(amount.get());
        }
        int mentionCount = 0;
        long each = 0;
        if (!mentions.isBlank()) {
            mentionCount = mentions.strip().matches("\\d{1,3}") ? Integer.parseInt(mentions.strip()) : -1;
            if (mentionCount < 0 || mentionCount > MOST_MENTIONS) errors.add("mentions", "error.mentions", MOST_MENTIONS);
        }
        if (!mentionAmount.isBlank()) {
            var amount = Amounts.parse(mentionAmount, locale, currency);
            if (amount.isEmpty()) errors.add("mentionAmount", "error.amount");
            else each = amount.get();
        }
        if (mentionCount > 0 && each == 0 && !errors.has("mentionAmount")) errors.add("mentionAmount", "error.amountPositive");
        if (mentionCount == 0 && each > 0 && !errors.has("mentions")) errors.add("mentions", "error.mentions", MOST_MENTIONS);
        long royaltyBp = 0;
        if (!royaltyRate.isBlank()) {
            // A percent with two decimals read as money in cents is a number of basis points: 2.5 % is 250.
            var rate = Amounts.parse(royaltyRate, locale, "EUR");
            if (rate.isEmpty() || rate.get() == 0 || rate.get() > 10_000) errors.add("royaltyRate", "error.rate");
            else royaltyBp = rate.get();
        }
        var terms = reflection.parse(locale, currency, errors);
        Invalid.unless(errors);
        return new PlanTerms(new PrizeTable(List.copyOf(amounts), Math.max(mentionCount, 0), mentionCount > 0 ? each : 0), (int) royaltyBp, terms);
    }
}
