package app.atelier.web;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.commonmark.Extension;
import org.commonmark.ext.autolink.AutolinkExtension;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.Code;
import org.commonmark.node.CustomNode;
import org.commonmark.node.FencedCodeBlock;
import org.commonmark.node.HardLineBreak;
import org.commonmark.node.Heading;
import org.commonmark.node.HtmlBlock;
import org.commonmark.node.HtmlInline;
import org.commonmark.node.IndentedCodeBlock;
import org.commonmark.node.Link;
import org.commonmark.node.Paragraph;
import org.commonmark.node.SoftLineBreak;
import org.commonmark.node.Text;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
import org.commonmark.renderer.html.UrlSanitizer;

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
        var words = new Words();
        PARSER.parse(markdown).accept(words);
        String text = SPACES.matcher(words.text).replaceAll(" ").strip();
        if (text.length() <= max) return text;
        int cut = text.lastIndexOf(' ', max - 1);
        return text.substring(0, cut > max / 2 ? cut : max - 1).stripTrailing() + "…";
    }

    /**
     * The words of a Markdown text as a reader sees them: its text, code and link words, a heading followed by a
     * colon, a space between blocks, lines and a table's cells; no marks, and no addresses.
     */
    private static final class Words extends AbstractVisitor {
        final StringBuilder text = new StringBuilder();

        @Override
        public void visit(Text node) {
            text.append(node.getLiteral());
        }

        @Override
        public void visit(Code node) {
            text.append(node.getLiteral());
        }

        @Override
        public void visit(HtmlInline node) {
            text.append(node.getLiteral());
        }

        @Override
        public void visit(HtmlBlock node) {
            text.append(node.getLiteral()).append(' ');
        }

        @Override
        public void visit(FencedCodeBlock node) {
            text.append(node.getLiteral()).append(' ');
        }

        @Override
        public void visit(IndentedCodeBlock node) {
            text.append(node.getLiteral()).append(' ');
        }

        @Override
        public void visit(SoftLineBreak node) {
            text.append(' ');
        }

        @Override
        public void visit(HardLineBreak node) {
            text.append(' ');
        }

        @Override
        public void visit(Heading node) {
            visitChildren(node);
            text.append(": ");
        }

        @Override
        public void visit(Paragraph node) {
            visitChildren(node);
            text.append(' ');
        }

        /** A table's rows and cells. */
        @Override
        public void visit(CustomNode node) {
            visitChildren(node);
            text.append(' ');
        }
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
            for (int k = 0; k < chars.length(); k++) {
                int i = s.indexOf(chars.charAt(k));
                if (i >= 0 && (first < 0 || i < first)) first = i;
            }
            return first;
        }
    }
}
