package app.atelier.support;

import java.util.List;
import java.util.Optional;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * A page parsed as a browser would, read by CSS selectors. What a test looks for and does not find fails with the
 * selector and the page's title and headings, so the failure says where the test was and what it saw.
 */
public final class Html {
    private final Document document;

    private Html(Document document) {
        this.document = document;
    }

    public static Html of(String page) {
        return new Html(Jsoup.parse(page));
    }

    /** The text of the first element the selector finds; fails when there is none. */
    public String text(String css) {
        return first(css).text();
    }

    /** The texts of every element the selector finds, in page order. */
    public List<String> texts(String css) {
        return document.select(css).eachText();
    }

    /** The target of the first link the selector finds, as written in the page; fails when there is none. */
    public String link(String css) {
        return first(css).attr("href");
    }

    /** The targets of every link the selector finds, in page order. */
    public List<String> links(String css) {
        return document.select(css).eachAttr("href");
    }

    /** The target of the first link the selector finds, if there is one. */
    public Optional<String> linkIfAny(String css) {
        return Optional.ofNullable(document.selectFirst(css)).map(e -> e.attr("href"));
    }

    /** The value attribute of the first element the selector finds; fails when there is none. */
    public String value(String css) {
        return attribute(css, "value");
    }

    public String attribute(String css, String name) {
        return first(css).attr(name);
    }

    public boolean has(String css) {
        return document.selectFirst(css) != null;
    }

    private Element first(String css) {
        Element found = document.selectFirst(css);
        if (found == null) {
            throw new AssertionError("nothing matches " + css + " on the page \"" + document.title() + "\" with the headings "
                    + document.select("h1, h2").eachText());
        }
        return found;
    }
}
