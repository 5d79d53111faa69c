package app.atelier.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
}
