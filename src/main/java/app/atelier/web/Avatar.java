package app.atelier.web;

import java.util.Arrays;
import java.util.Locale;

/**
 * A face for a name that has no picture: its initials on one of twelve colours, the same for the same name
 * everywhere. A former member's empty name gets no initials and a grey face.
 */
public record Avatar(String initials, String colour) {
    static final int COLOURS = 12;

    public static Avatar of(String name) {
        String[] words = name.strip().split("\\s+");
        if (words[0].isEmpty()) return new Avatar("", "former");
        String initials = first(words[0]) + (words.length > 1 ? first(words[words.length - 1]) : "");
        return new Avatar(initials.toUpperCase(Locale.ROOT), "hue-" + Math.floorMod(Arrays.hashCode(words), COLOURS));
    }

    private static String first(String word) {
        return new String(Character.toChars(word.codePointAt(0)));
    }
}
