package app.atelier.web;

import com.ibm.icu.text.RuleBasedNumberFormat;
import java.math.BigDecimal;
import java.text.MessageFormat;
import java.text.NumberFormat;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Arrays;
import java.util.Currency;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.MissingResourceException;
import java.util.ResourceBundle;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/** The interface's words in one language, from the {@code messages} bundles. */
public final class Text {
    public static final Locale FRENCH = Locale.FRENCH;
    public static final Locale ENGLISH = Locale.ENGLISH;
    public static final List<Locale> LANGUAGES = List.of(FRENCH, ENGLISH);
    private static final Map<Key, Text> ALL = new ConcurrentHashMap<>();

    private record Key(Locale locale, ZoneId zone) {
    }

    private final Locale locale;
    private final ZoneId zone;
    private final ResourceBundle bundle;
    private final DateTimeFormatter dates;
    private final DateTimeFormatter moments;
    /** Parsing a pattern costs more than formatting with it, and MessageFormat is not thread-safe: one set per thread. */
    private final ThreadLocal<Map<String, MessageFormat>> formats = ThreadLocal.withInitial(HashMap::new);

    private Text(Locale locale, ZoneId zone) {
        this.locale = locale;
        this.zone = zone;
        this.bundle = ResourceBundle.getBundle("messages", locale, ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
        this.dates = DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(locale).withZone(zone);
        this.moments = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT).withLocale(locale).withZone(zone);
    }

    /** The words of one of our languages (French for any other), with days counted in the platform's time zone. */
    public static Text of(Locale locale, ZoneId zone) {
        Locale known = LANGUAGES.contains(Locale.forLanguageTag(locale.getLanguage())) ? Locale.forLanguageTag(locale.getLanguage()) : FRENCH;
        return ALL.computeIfAbsent(new Key(known, zone), key -> new Text(key.locale(), key.zone()));
    }

    /** The best of our languages for an Accept-Language header, or null when none fits. */
    public static Locale fromAcceptLanguage(String header) {
        if (header == null || header.isBlank()) return null;
        try {
            Locale match = Locale.lookup(Locale.LanguageRange.parse(header), LANGUAGES);
            return match;
        } catch (IllegalArgumentException malformed) {
            return null;
        }
    }

    public static Locale language(String tag) {
        if (tag == null) return null;
        return LANGUAGES.stream().filter(l -> l.getLanguage().equals(tag)).findFirst().orElse(null);
    }

    /** The time zone every day typed or shown is counted in. */
    public ZoneId zone() {
        return zone;
    }

    public Locale locale() {
        return locale;
    }

    public String lang() {
        return locale.getLanguage();
    }

    public String t(String key, Object... args) {
        String pattern;
        try {
            pattern = bundle.getString(key);
        } catch (MissingResourceException e) {
            return "??" + key + "??";
        }
        if (args.length == 0) return pattern;
        var written = Arrays.stream(args).map(this::written).toArray();
        String said = formats.get().computeIfAbsent(key, k -> new MessageFormat(pattern, locale)).format(written);
        return locale.equals(FRENCH) ? ELIDED.matcher(said).replaceAll("$1’$2") : said;
    }

    /** French elides "de" before a name that opens on a vowel: "l’équipe d’Atelier", never "de Atelier". */
    private static final Pattern ELIDED = Pattern.compile("(?<![\\p{L}’'])([dD])e ([AEIOUYÀÂÉÈÊÎÔ])");

    private Object written(Object arg) {
        if (arg instanceof Amount m) return money(m.minorUnits(), m.currency());
        if (arg instanceof InWords w) return inWords(w.minorUnits(), w.currency());
        if (arg instanceof LocalDate day) return date(day);
        if (arg instanceof Instant at) return date(at);
        if (arg instanceof Duration wait) return span(wait);
        return arg;
    }

    /** An amount in words, cents included when there are any: "one hundred million euros", "cent millions d'euros". */
    public String inWords(long minorUnits, String currency) {
        int digits = Currency.getInstance(currency).getDefaultFractionDigits();
        long unit = BigDecimal.ONE.movePointRight(digits).longValueExact();
        var spell = new RuleBasedNumberFormat(locale, RuleBasedNumberFormat.SPELLOUT);
        String number = spell.format(minorUnits / unit);
        // French says "un million d'euros", "deux cents euros": "de" after millions and billions.
        String whole = t(number.matches(".*(millions?|milliards?)$") ? "money.wordsOf" : "money.words", number, minorUnits / unit,
                Currency.getInstance(currency).getDisplayName(locale).toLowerCase(locale));
        long cents = minorUnits % unit;
        return cents == 0 ? whole : t("money.wordsCents", whole, spell.format(cents), cents);
    }

    public String t(Message message) {
        return t(message.key(), message.args());
    }

    /** A member's name; a former member's is stored empty and said in the reader's language. */
    public String person(String name) {
        return name.isEmpty() ? t("member.former") : name;
    }

    public String number(long value) {
        return NumberFormat.getIntegerInstance(locale).format(value);
    }

    /** An amount in minor units (cents), as people of this language write it: 1 234,56 € or €1,234.56. */
    public String money(long minorUnits, String currency) {
        var format = NumberFormat.getCurrencyInstance(locale);
        var unit = Currency.getInstance(currency);
        format.setCurrency(unit);
        format.setMinimumFractionDigits(unit.getDefaultFractionDigits());
        return format.format(BigDecimal.valueOf(minorUnits, unit.getDefaultFractionDigits()));
    }

    /** A decimal number, such as a share in percent, as people of this language write it: 33,33 or 33.33. */
    public String decimal(BigDecimal value) {
        var format = NumberFormat.getNumberInstance(locale);
        format.setMaximumFractionDigits(Math.max(0, value.scale()));
        return format.format(value);
    }

    /** An amount as a person would type it back into a form, without the currency: 1 234,56 or 1,234.56. */
    public String amount(long minorUnits, String currency) {
        int digits = Currency.getInstance(currency).getDefaultFractionDigits();
        var format = NumberFormat.getNumberInstance(locale);
        format.setMinimumFractionDigits(digits);
        format.setMaximumFractionDigits(digits);
        return format.format(BigDecimal.valueOf(minorUnits, digits));
    }

    public String date(Instant instant) {
        return dates.format(instant);
    }

    /** How long a wait is, as people say it: "40 seconds", "41 minutes", "3 hours", rounded up. */
    public String span(Duration wait) {
        long seconds = Math.max(1, wait.toSeconds());
        if (seconds < 90) return t("time.span.seconds", seconds);
        long minutes = (seconds + 59) / 60;
        return minutes < 90 ? t("time.span.minutes", minutes) : t("time.span.hours", (minutes + 59) / 60);
    }

    /** A month as people of this language name it: "March 2026", "mars 2026". */
    public String month(YearMonth month) {
        return DateTimeFormatter.ofPattern("LLLL yyyy", locale).format(month);
    }

    public String date(LocalDate day) {
        return dates.format(day);
    }

    /** A day and the time of day, as a booked slot is read. */
    public String moment(Instant instant) {
        return moments.format(instant);
    }

    /** "3 hours ago", "il y a 3 heures". */
    public String ago(Instant then, Instant now) {
        return relative("time.ago", Duration.between(then, now));
    }

    /** "5 days left", "encore 5 jours". */
    public String left(Instant until, Instant now) {
        Duration d = Duration.between(now, until);
        return d.isNegative() ? t("time.ended") : relative("time.left", d);
    }

    private String relative(String prefix, Duration d) {
        if (d.toDays() >= 1) return t(prefix + ".days", d.toDays());
        if (d.toHours() >= 1) return t(prefix + ".hours", d.toHours());
        if (d.toMinutes() >= 1) return t(prefix + ".minutes", d.toMinutes());
        return t(prefix + ".now");
    }
}
