package app.atelier.db;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * What people type into a search box, turned into an FTS5 query that cannot be anything but words. Accents fold as
 * the index folds them; each word loses a plural ending and matches as a prefix, so that "savons" finds "savon"
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

    /** Every word of the text, each as a quoted prefix, all required; empty when there is no word to search. */
    public static String allWords(String typed) {
        return words(typed).stream().map(w -> "\"" + w + "\"*").collect(Collectors.joining(" "));
    }

    /** Any of the longer words, for "is this like something already written?". */
    public static String anyWord(String typed) {
        return words(typed).stream().filter(w -> w.length() >= 4).map(w -> "\"" + w + "\"*").collect(Collectors.joining(" OR "));
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

    /** A piece of a snippet or a title, marked when it is a word the search matched. */
    public record Piece(String text, boolean matched) {
    }

    /** A snippet cut into pieces at the markers, with Markdown's marks taken out, ready to be escaped and shown. */
    public static List<Piece> pieces(String marked) {
        var pieces = new ArrayList<Piece>();
        if (marked == null) return pieces;
        String clean = marked.replaceAll("[*#|`]+", "").replaceAll("\\s+", " ");
        boolean matched = false;
        int from = 0;
        for (int i = 0; i < clean.length(); i++) {
            char c = clean.charAt(i);
            if (c == START.charAt(0) || c == END.charAt(0)) {
                if (i > from) pieces.add(new Piece(clean.substring(from, i), matched));
                matched = c == START.charAt(0);
                from = i + 1;
            }
        }
        if (from < clean.length()) pieces.add(new Piece(clean.substring(from), matched));
        return pieces;
    }
}
