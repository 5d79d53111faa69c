package app.atelier.web;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.commonmark.Extension;
import org.commonmark.ext.autolink.AutolinkExtension;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.node.Link;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
import org.commonmark.renderer.html.UrlSanitizer;
import org.commonmark.renderer.text.TextContentRenderer;

/**
 * The one Markdown renderer: CommonMark with tables and autolinks, raw HTML escaped, links only to
 * http, https, mailto or relative addresses, and every link marked as user content. Thread-safe.
 */
public final class Markdown {
    private static final Set<String> SAFE_SCHEMES = Set.of("http", "https", "mailto");
    private static final List<Extension> EXTENSIONS = List.of(TablesExtension.create(), AutolinkExtension.create());
    private static final Parser PARSER = Parser.builder().extensions(EXTENSIONS).build();
    private static final HtmlRenderer RENDERER = HtmlRenderer.builder()
            .extensions(EXTENSIONS)
            .escapeHtml(true)
            .sanitizeUrls(true)
            .urlSanitizer(new SafeUrls())
            .attributeProviderFactory(context -> (node, tag, attributes) -> {
                if (node instanceof Link) attributes.put("rel", "nofollow ugc noopener");
            })
            .build();

    private static final TextContentRenderer TEXT = TextContentRenderer.builder().extensions(EXTENSIONS).stripNewlines(true).build();
    /** How the text renderer separates a table's cells. */
    private static final Pattern CELL_SEPARATOR = Pattern.compile("\\|\\s");
    private static final Pattern SPACES = Pattern.compile("\\s+");

    private Markdown() {
    }

    public static String toHtml(String markdown) {
        return RENDERER.render(PARSER.parse(markdown));
    }

    /**
     * The words a reader sees, without Markdown's marks or a table's pipes, on one line, cut at a word to at most
     * {@code max} characters with an ellipsis: what lists show of a text, computed once when it is written.
     */
    public static String plainText(String markdown, int max) {
        String text = SPACES.matcher(CELL_SEPARATOR.matcher(TEXT.render(PARSER.parse(markdown))).replaceAll(" ")).replaceAll(" ").strip();
        if (text.length() <= max) return text;
        int cut = text.lastIndexOf(' ', max - 1);
        return text.substring(0, cut > max / 2 ? cut : max - 1).stripTrailing() + "…";
    }

    /** Keeps an address only when its scheme is one we trust; otherwise the link goes nowhere. */
    static final class SafeUrls implements UrlSanitizer {
        @Override
        public String sanitizeLinkUrl(String url) {
            return safe(url) ? url : "";
        }

        @Override
        public String sanitizeImageUrl(String url) {
            return sanitizeLinkUrl(url);
        }

        static boolean safe(String url) {
            String cleaned = url.replaceAll("[\\x00-\\x20\\x7f]", "").toLowerCase(Locale.ROOT);
            int colon = cleaned.indexOf(':');
            if (colon < 0) return true;
            int boundary = firstOf(cleaned, "/?#");
            if (boundary >= 0 && boundary < colon) return true;
            return SAFE_SCHEMES.contains(cleaned.substring(0, colon));
        }

        private static int firstOf(String s, String chars) {
            int first = -1;
            for (char c : chars.toCharArray()) {
                int i = s.indexOf(c);
                if (i >= 0 && (first < 0 || i < first)) first = i;
            }
            return first;
        }
    }
}
