package app.atelier.contribution;

import java.text.Normalizer;
import java.util.Arrays;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The words that carry a title's meaning, to tell whether two titles say the same thing: accents folded, case
 * ignored, plurals folded to their singular, short and common words left out. Two titles are alike when they share
 * two such words, or one when either has only one: a single shared word ("handle") is no sign of a repeat.
 */
final class TitleWords {
    private static final Set<String> COMMON = Set.of("the", "and", "for", "with", "from", "into", "our", "your", "les", "des", "une", "pour",
            "avec", "dans", "sur", "aux", "par", "plus", "sans", "qui", "que");

    private TitleWords() {
    }

    static Set<String> of(String title) {
        String folded = Normalizer.normalize(title, Normalizer.Form.NFD).replaceAll("\\p{M}", "").toLowerCase(Locale.ROOT);
        return Arrays.stream(folded.split("[^\\p{L}\\p{N}]+"))
                .filter(w -> w.length() >= 3 && !COMMON.contains(w))
                .map(w -> w.length() > 3 && (w.endsWith("s") || w.endsWith("x")) ? w.substring(0, w.length() - 1) : w)
                .collect(Collectors.toSet());
    }

    static boolean alike(String one, String other) {
        var a = of(one);
        var b = of(other);
        long shared = a.stream().filter(b::contains).count();
        return shared >= 2 || (shared == 1 && (a.size() == 1 || b.size() == 1));
    }
}
