package app.atelier.db;

import app.atelier.web.Markdown;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * What people type into a search box, turned into a query that cannot be anything but words, written for the
 * database in use when it is bound ({@link Dialect#match}). Accents fold as the index folds them; each word loses a plural ending and matches as a prefix, so that "savons" finds "savon"
 * and "idee" finds "idées". Snippets come back with markers this class puts in and takes out again.
 */
public final class FullText {
    public static final int MAX_LENGTH = 200;
    static final int MAX_WORDS = 8;
    /** Marks the start and end of a matched word in a snippet: characters nobody types. */
    public static final String START = "\u0002";
    public static final String END = "\u0003";
    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]+");
    private static final Pattern MARKS = Pattern.compile("\\p{M}+");

    private FullText() {
    }

    /** Words to search for, all of them or any; each as a prefix, or only as itself and its plurals. */
    public record Match(List<String> words, boolean all, boolean prefix) {
        public Match(List<String> words, boolean all) {
            this(words, all, true);
        }

        public boolean isEmpty() {
            return words.isEmpty();
        }

        /** The same words, each matched as itself or with a plural ending rather than as the start of any word. */
        public Match exactly() {
            return new Match(words, all, false);
        }

        /** One of the words alone, matched as itself or with a plural ending. */
        public Match only(String word) {
            return new Match(List.of(word), true, false);
        }
    }

    /** A word's forms matched when it is not a prefix: itself and its plurals (see {@link #stem}). */
    static List<String> forms(String word) {
        return List.of(word, word + "s", word + "x");
    }

    /** Every word of the text, all required; empty when there is no word to search. */
    public static Match allWords(String typed) {
        return new Match(words(typed), true);
    }

    /** Any of the longer words, for "is this like something already written?". */
    public static Match anyWord(String typed) {
        return new Match(words(typed).stream().filter(w -> w.length() >= 4).toList(), false);
    }

    static List<String> words(String typed) {
        String folded = MARKS.matcher(Normalizer.normalize(typed.toLowerCase(Locale.ROOT), Normalizer.Form.NFD)).replaceAll("");
        var words = new ArrayList<String>();
        var found = WORD.matcher(folded);
        while (found.find() && words.size() < MAX_WORDS) {
            String word = stem(found.group());
            if (word.length() >= 2 && !words.contains(word)) words.add(word);
        }
        return words;
    }

    /** French and English plurals end in s or x; the word without it is a prefix of both forms. */
    static String stem(String word) {
        if (word.length() > 3 && (word.endsWith("s") || word.endsWith("x"))) return word.substring(0, word.length() - 1);
        return word;
    }

    /** The words of a search as the index reads them: folded, each without its plural ending. */
    public static List<String> stems(String typed) {
        return words(typed);
    }

    /** A title with each word that one of the stems begins marked, as the index would match it; titles are plain text, not Markdown. */
    public static String marked(String title, List<String> stems) {
        return mark(title.strip(), stems, 0, Integer.MAX_VALUE);
    }

    /** Some {@code size} words of a text around its first matched word, marked, with an ellipsis where it was cut. */
    public static String excerpt(String text, List<String> stems, int size) {
        String clean = clean(text);
        var words = WORD.matcher(clean);
        int index = 0;
        int first = -1;
        while (words.find()) {
            if (matches(words.group(), stems)) {
                first = index;
                break;
            }
            index++;
        }
        int from = Math.max(0, first - size / 3);
        return mark(clean, stems, from, from + size);
    }

    /** Marks the matched words among the {@code from}-th to the {@code to}-th word of the text, cut there. */
    private static String mark(String text, List<String> stems, int from, int to) {
        var out = new StringBuilder();
        var words = WORD.matcher(text);
        int index = 0;
        int start = 0;
        int end = text.length();
        while (words.find()) {
            if (index == from) start = words.start();
            if (index == to) {
                end = words.start();
                break;
            }
            index++;
        }
        words = WORD.matcher(text).region(start, end);
        int at = start;
        if (start > 0) out.append("… ");
        while (words.find()) {
            out.append(text, at, words.start());
            if (matches(words.group(), stems)) out.append(START).append(words.group()).append(END);
            else out.append(words.group());
            at = words.end();
        }
        out.append(text, at, end);
        if (end < text.length()) out.append(" …");
        return out.toString().strip();
    }

    private static boolean matches(String word, List<String> stems) {
        String folded = MARKS.matcher(Normalizer.normalize(word.toLowerCase(Locale.ROOT), Normalizer.Form.NFD)).replaceAll("");
        return stems.stream().anyMatch(folded::startsWith);
    }

    /** The words a reader sees, Markdown's marks taken out and the lines run together, as snippets and lists show them. */
    private static String clean(String text) {
        return Markdown.plainText(text, Integer.MAX_VALUE);
    }

    /** A piece of a snippet or a title, marked when it is a word the search matched. */
    public record Piece(String text, boolean matched) {
    }

    /** A marked text cut into pieces at the markers, ready to be escaped and shown. */
    public static List<Piece> pieces(String marked) {
        var pieces = new ArrayList<Piece>();
        if (marked == null) return pieces;
        boolean matched = false;
        int from = 0;
        for (int i = 0; i < marked.length(); i++) {
            char c = marked.charAt(i);
            if (c == START.charAt(0) || c == END.charAt(0)) {
                if (i > from) pieces.add(new Piece(marked.substring(from, i), matched));
                matched = c == START.charAt(0);
                from = i + 1;
            }
        }
        if (from < marked.length()) pieces.add(new Piece(marked.substring(from), matched));
        return pieces;
    }
}
