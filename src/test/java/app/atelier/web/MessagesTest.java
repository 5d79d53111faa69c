package app.atelier.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import app.atelier.Config;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

class MessagesTest {
    @Test
    void everyKeyExistsInBothLanguages() throws IOException {
        Set<String> english = keys("en");
        Set<String> french = keys("fr");
        var onlyEnglish = new TreeSet<>(english);
        onlyEnglish.removeAll(french);
        var onlyFrench = new TreeSet<>(french);
        onlyFrench.removeAll(english);
        assertEquals(Set.of(), onlyEnglish, "missing in French");
        assertEquals(Set.of(), onlyFrench, "missing in English");
    }

    @Test
    void pluralsAndNumbersFollowTheLanguage() {
        assertEquals("42 minutes", Text.of(Text.ENGLISH, Config.HOME_ZONE).span(java.time.Duration.ofSeconds(2474)), "a wait in minutes, not 2,474 seconds");
        assertEquals("40 seconds", Text.of(Text.ENGLISH, Config.HOME_ZONE).span(java.time.Duration.ofSeconds(40)));
        assertEquals("3 heures", Text.of(Text.FRENCH, Config.HOME_ZONE).span(java.time.Duration.ofMinutes(170)));
        assertEquals("2 contributions", Text.of(Text.ENGLISH, Config.HOME_ZONE).t("challenge.contributions", 2));
        assertEquals("Aucune contribution", Text.of(Text.FRENCH, Config.HOME_ZONE).t("challenge.contributions", 0));
        assertEquals("1,234", Text.of(Text.ENGLISH, Config.HOME_ZONE).number(1234));
        assertEquals("1\u202f234", Text.of(Text.FRENCH, Config.HOME_ZONE).number(1234).replace('\u00a0', '\u202f'));
    }

    @Test
    void frenchElidesDeBeforeANameOpeningOnAVowel() {
        var french = Text.of(Text.FRENCH, Config.HOME_ZONE);
        assertEquals("Journal d’audit d’Atelier Dupont", french.t("audit.title", "Atelier Dupont"));
        assertEquals("Portefeuille d’Éclat", french.t("wallet.title", "Éclat"));
        assertEquals("Portefeuille de Maison Verdier", french.t("wallet.title", "Maison Verdier"));
        assertEquals("Wallet of Atelier Dupont", Text.of(Text.ENGLISH, Config.HOME_ZONE).t("wallet.title", "Atelier Dupont"),
                "English is left as it is");
    }

    @Test
    void amountsAreWrittenAsEachLanguageWritesThem() {
        assertEquals("1 234,56 €", Text.of(Text.FRENCH, Config.HOME_ZONE).money(123_456, "EUR").replace('\u202f', ' ').replace('\u00a0', ' '));
        assertEquals("€1,234.56", Text.of(Text.ENGLISH, Config.HOME_ZONE).money(123_456, "EUR"));
        assertEquals("-€0.05", Text.of(Text.ENGLISH, Config.HOME_ZONE).money(-5, "EUR"));
    }

    @Test
    void relativeTimesFollowTheLanguage() {
        var now = java.time.Instant.parse("2026-05-01T12:00:00Z");
        assertEquals("il y a 3 heures", Text.of(Text.FRENCH, Config.HOME_ZONE).ago(now.minusSeconds(3 * 3600 + 5), now));
        assertEquals("3 hours ago", Text.of(Text.ENGLISH, Config.HOME_ZONE).ago(now.minusSeconds(3 * 3600 + 5), now));
        assertEquals("encore 2 jours", Text.of(Text.FRENCH, Config.HOME_ZONE).left(now.plusSeconds(2 * 86400 + 60), now));
    }

    /** A key written twice is read as its last value: a page silently shows another feature's words. */
    @Test
    void noKeyIsDefinedTwice() throws IOException {
        for (String language : List.of("en", "fr")) {
            var seen = new TreeSet<String>();
            var twice = new TreeSet<String>();
            try (var in = MessagesTest.class.getResourceAsStream("/messages_" + language + ".properties")) {
                for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n", -1)) {
                    int equals = line.indexOf('=');
                    if (line.isBlank() || line.startsWith("#") || equals < 0) continue;
                    if (!seen.add(line.substring(0, equals).strip())) twice.add(line.substring(0, equals).strip());
                }
            }
            assertEquals(Set.of(), twice, "keys defined twice in " + language);
        }
    }

    static Set<String> keys(String language) throws IOException {
        var properties = new Properties();
        try (var in = MessagesTest.class.getResourceAsStream("/messages_" + language + ".properties")) {
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return properties.stringPropertyNames();
    }
}
