package app.atelier.challenge;

import app.atelier.community.ApplicationForm;
import app.atelier.community.Segment;
import app.atelier.web.Errors;
import app.atelier.web.Forms;
import app.atelier.web.Invalid;
import io.javalin.http.Context;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** A challenge as typed in its form; {@link #parse} turns it into values or says what is wrong. */
public record ChallengeForm(String title, String brief, String stage, String mode, List<String> kinds,
                            String opensOn, String closesOn, String votingClosesOn, String voteBudget,
                            String reviewThreshold, Segment segment, String visibility, String ipTerms) {
    static final int TITLE_MAX = 140;
    static final int BRIEF_MAX = 20_000;
    /** Dates are days in the platform's home time zone: a challenge opens at the start of its day and closes at the end. */
    static final int MAX_BUDGET = 1_000;
    static final int MAX_THRESHOLD = 1_000_000;

    public record Parsed(String title, String brief, Stage stage, Mode mode, Set<ContributionKind> kinds,
                         Instant opensAt, Instant closesAt, Instant votingClosesAt, Integer voteBudget,
                         Integer reviewThreshold, Segment segment, Visibility visibility, String ipTerms) {
    }

    public static ChallengeForm empty() {
        return new ChallengeForm("", "", Stage.IDEA_GENERATION.name(), Mode.OUTSIDE_IN.name(), List.of(), "", "", "", "", "", Segment.EVERYONE,
                Visibility.PUBLIC.name(), "");
    }

    public static ChallengeForm from(Context ctx) {
        return new ChallengeForm(Forms.text(ctx, "title"), Forms.multiline(ctx, "brief"), Forms.text(ctx, "stage"),
                Forms.text(ctx, "mode"), ctx.formParams("kinds"), Forms.text(ctx, "opensOn"), Forms.text(ctx, "closesOn"),
                Forms.text(ctx, "votingClosesOn"), Forms.text(ctx, "voteBudget"), Forms.text(ctx, "reviewThreshold"),
                new Segment(Forms.text(ctx, "segmentTags").toLowerCase(Locale.ROOT), Forms.text(ctx, "segmentCountry"),
                        Forms.text(ctx, "segmentAgeRange"), Forms.text(ctx, "segmentOccupation")),
                Forms.text(ctx, "visibility").isEmpty() ? Visibility.PUBLIC.name() : Forms.text(ctx, "visibility"),
                Forms.multiline(ctx, "ipTerms"));
    }

    static ChallengeForm of(Challenge c, ZoneId zone) {
        return new ChallengeForm(c.title(), c.brief(), c.stage().name(), c.mode().name(),
                c.acceptedKinds().stream().map(Enum::name).toList(), day(c.opensAt(), 0, zone), day(c.closesAt(), -1, zone),
                day(c.votingClosesAt(), -1, zone), number(c.voteBudget()), number(c.reviewThreshold()), c.segment(),
                c.visibility().name(), c.ipTerms());
    }

    /** The kinds a manager picks from; an inside-out challenge takes application proposals alone, without a choice. */
    public static final Set<ContributionKind> CHOSEN_KINDS = EnumSet.complementOf(EnumSet.of(ContributionKind.APPLICATION));

    public boolean checked(ContributionKind kind) {
        return kinds.contains(kind.name());
    }

    Parsed parse(Instant now, ZoneId zone) {
        var errors = Errors.none().text("title", title, TITLE_MAX).text("brief", brief, BRIEF_MAX);
        Stage parsedStage = choice(Stage.class, stage, "stage", errors);
        Mode parsedMode = choice(Mode.class, mode, "mode", errors);
        Set<ContributionKind> parsedKinds = EnumSet.noneOf(ContributionKind.class);
        for (String kind : kinds) {
            ContributionKind k = choice(ContributionKind.class, kind, "kinds", errors);
            if (k != null) parsedKinds.add(k);
        }
        if (parsedKinds.isEmpty() && parsedStage != null) parsedKinds = parsedStage.defaultKinds();
        // An inside-out challenge takes application proposals, and nothing else does.
        if (parsedMode == Mode.INSIDE_OUT) parsedKinds = EnumSet.of(ContributionKind.APPLICATION);
        else if (parsedKinds.remove(ContributionKind.APPLICATION)) errors.add("kinds", "error.applicationInsideOut");
        Instant opensAt = date(opensOn, "opensOn", 0, zone, errors);
        Instant closesAt = date(closesOn, "closesOn", 1, zone, errors);
        if (closesAt != null && opensAt != null && !closesAt.isAfter(opensAt)) errors.add("closesOn", "error.datesOrder");
        else if (closesAt != null && !closesAt.isAfter(now)) errors.add("closesOn", "error.closesInPast");
        Instant votingClosesAt = date(votingClosesOn, "votingClosesOn", 1, zone, errors);
        if (votingClosesAt != null && (closesAt == null || !votingClosesAt.isAfter(closesAt))) errors.add("votingClosesOn", "error.votingAfterClosing");
        Integer budget = number(voteBudget, "voteBudget", MAX_BUDGET, errors);
        Integer threshold = number(reviewThreshold, "reviewThreshold", MAX_THRESHOLD, errors);
        if (segment.tags().length() > 500 || segment.country().length() > 100 || segment.occupation().length() > 100) {
            errors.add("segmentTags", "error.tooLong", 500);
        }
        if (!segment.ageRange().isEmpty() && !ApplicationForm.AGE_RANGES.contains(segment.ageRange())) errors.add("segmentAgeRange", "error.choice");
        Visibility parsedVisibility = choice(Visibility.class, visibility, "visibility", errors);
        if (ipTerms.length() > BRIEF_MAX) errors.add("ipTerms", "error.tooLong", BRIEF_MAX);
        Invalid.unless(errors);
        // Only a community challenge is narrowed to a segment.
        Segment kept = parsedMode == Mode.COMMUNITY ? segment : Segment.EVERYONE;
        return new Parsed(title, brief, parsedStage, parsedMode, parsedKinds, opensAt, closesAt, votingClosesAt, budget, threshold, kept,
                parsedVisibility, ipTerms);
    }

    private static <E extends Enum<E>> E choice(Class<E> type, String value, String field, Errors errors) {
        try {
            return Enum.valueOf(type, value);
        } catch (IllegalArgumentException unknown) {
            errors.add(field, "error.choice");
            return null;
        }
    }

    /** Challenges are dated within this century: anything else is a slip of the keyboard. */
    static final LocalDate FIRST_DAY = LocalDate.of(2000, 1, 1);
    static final LocalDate LAST_DAY = LocalDate.of(2099, 12, 31);

    /** A day as typed (YYYY-MM-DD), as the instant its start, or the next day's start for a closing day. */
    private static Instant date(String value, String field, int plusDays, ZoneId zone, Errors errors) {
        if (value.isEmpty()) return null;
        LocalDate day;
        try {
            day = LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            errors.add(field, "error.date");
            return null;
        }
        if (day.isBefore(FIRST_DAY) || day.isAfter(LAST_DAY)) {
            errors.add(field, "error.dateRange", FIRST_DAY.getYear(), LAST_DAY.getYear());
            return null;
        }
        return day.plusDays(plusDays).atStartOfDay(zone).toInstant();
    }

    /** An optional whole number from 1 to {@code max}. */
    private static Integer number(String value, String field, int max, Errors errors) {
        if (value.isEmpty()) return null;
        try {
            int n = Integer.parseInt(value);
            if (n >= 1 && n <= max) return n;
        } catch (NumberFormatException notANumber) {
            // said below
        }
        errors.add(field, "error.number", max);
        return null;
    }

    private static String number(Integer value) {
        return value == null ? "" : value.toString();
    }

    private static String day(Instant instant, int plusDays, ZoneId zone) {
        return instant == null ? "" : instant.atZone(zone).toLocalDate().plusDays(plusDays).toString();
    }
}
