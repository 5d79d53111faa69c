package app.atelier.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.stream.Collectors;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class MarkdownTest {
    @Test
    void rawHtmlIsEscaped() {
        String html = Markdown.toHtml("Hello <script>alert('x')</script> <img src=x onerror=alert(1)>");
        assertFalse(html.contains("<script>"), html);
        assertFalse(html.contains("<img"), html);
        assertTrue(html.contains("&lt;script&gt;"), html);
    }

    @ParameterizedTest
    @ValueSource(strings = {"javascript:alert(1)", "JavaScript:alert(1)", "java\tscript:alert(1)", "data:text/html;base64,PHNjcmlwdD4=", "vbscript:msgbox"})
    void unsafeLinksGoNowhere(String url) {
        String html = Markdown.toHtml("[click](" + url.replace("\t", "%09") + ") and ![img](" + url + ")");
        assertFalse(html.matches("(?s).*(href|src)=\"[^\"]*(script|data):.*"), html);
    }

    @Test
    void safeLinksStayAndAreMarkedAsUserContent() {
        String html = Markdown.toHtml("[site](https://example.org/a?b=c) [mail](mailto:a@example.org) [here](/challenges/1) www.example.com");
        assertTrue(html.contains("href=\"https://example.org/a?b=c\""), html);
        assertTrue(html.contains("href=\"mailto:a@example.org\""), html);
        assertTrue(html.contains("href=\"/challenges/1\""), html);
        assertTrue(html.contains("rel=\"nofollow ugc noopener\""), html);
        assertTrue(html.contains("href=\"http://www.example.com\""), "autolinks: " + html);
    }

    @Test
    void tablesRender() {
        String html = Markdown.toHtml("| a | b |\n|---|---|\n| 1 | 2 |");
        assertTrue(html.contains("<table>") && html.contains("<td>1</td>"), html);
    }

    @Test
    void plainTextKeepsTheWordsWithoutTheMarksOrATablesPipes() {
        assertEquals("Title: Some bold and italic text. a b one two item one item two",
                Markdown.plainText("# Title\n\nSome **bold** and _italic_ text.\n\n| a | b |\n|---|---|\n| one | two |\n\n- item one\n- item two", 240));
        assertEquals("<script>alert(1)</script>", Markdown.plainText("<script>alert(1)</script>", 240), "kept as text, escaped where shown");
        assertEquals("", Markdown.plainText("   ", 240));
    }

    @Test
    void plainTextIsCutAtAWordWithAnEllipsis() {
        String cut = Markdown.plainText("word ".repeat(100), 40);
        assertEquals("word word word word word word word word…", cut);
        assertTrue(cut.length() <= 40);
        assertEquals(40, Markdown.plainText("x".repeat(100), 40).length(), "one long word is cut where it must be");
    }

    /** Pieces of Markdown that lists must never show as marks; each test document strings a few of them together. */
    private static final List<String> MARKED = List.of("**bold words**", "__strong__", "_slanted_", "*leaning*", "`code`", "# A title\n\n",
            "## Second\n\n", "- one\n- two\n\n", "1. first\n2. second\n\n", "> quoted\n\n", "[a link](https://example.com)",
            "![a picture](https://example.com/p.png)", "| a | b |\n|---|---|\n| c | d |\n\n", "~~~\nfenced\n~~~\n\n", "***\n\n", "plain words ");

    @Property(tries = 2_000)
    void noExcerptShowsMarkdownSyntax(@ForAll @Size(min = 1, max = 8) List<@IntRange(min = 0, max = 15) Integer> pieces,
                                      @ForAll @IntRange(min = 20, max = 240) int max) {
        String source = pieces.stream().map(MARKED::get).collect(Collectors.joining("\n\n"));
        String excerpt = Markdown.plainText(source, max);
        for (String mark : List.of("**", "__", "`", "](", "![", "|", "---", "~~~", "# ", "> ", "- ", "\n")) {
            assertFalse(excerpt.contains(mark), () -> "\"" + mark + "\" in \"" + excerpt + "\" from " + source);
        }
        assertFalse(excerpt.matches(".*(^|\\s)[*_][^\\s].*"), () -> "emphasis marks in " + excerpt);
        assertTrue(excerpt.length() <= max, excerpt);
    }
}
