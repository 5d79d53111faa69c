package app.atelier.challenge;

import app.atelier.web.Errors;
import app.atelier.web.Forms;
import app.atelier.web.Invalid;
import io.javalin.http.Context;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * A technology sheet as typed: what it is, what it can do, the arrangements offered (fields {@code arrangements}),
 * documents a line each (a title, then the address), and the pictures to take away (fields {@code dropPicture}).
 */
public record TechnologyForm(String summary, String capabilities, List<String> arrangements, String documents, List<String> droppedPictures) {
    static final int TEXT_MAX = 5_000;
    static final int MAX_DOCUMENTS = 10;
    static final int LINE_MAX = 500;

    public record Parsed(String summary, String capabilities, Set<Arrangement> arrangements, String documentLines) {
    }

    static TechnologyForm empty() {
        return new TechnologyForm("", "", List.of(), "", List.of());
    }

    static TechnologyForm of(Technology t) {
        return new TechnologyForm(t.summary(), t.capabilities(), t.arrangements().stream().map(Enum::name).toList(), t.documentLines(), List.of());
    }

    public static TechnologyForm from(Context ctx) {
        return new TechnologyForm(Forms.multiline(ctx, "summary"), Forms.multiline(ctx, "capabilities"), ctx.formParams("arrangements"),
                Forms.multiline(ctx, "documents"), ctx.formParams("dropPicture"));
    }

    public boolean offers(Arrangement arrangement) {
        return arrangements.contains(arrangement.name());
    }

    Parsed parse() {
        var errors = Errors.none().text("summary", summary, TEXT_MAX).text("capabilities", capabilities, TEXT_MAX);
        var offered = EnumSet.noneOf(Arrangement.class);
        for (String a : arrangements) {
            var arrangement = Forms.choice(Arrangement.class, a);
            if (arrangement == null) errors.add("arrangements", "error.choice");
            else offered.add(arrangement);
        }
        if (offered.isEmpty()) errors.add("arrangements", "error.arrangementRequired");
        var lines = documents.lines().filter(l -> !l.isBlank()).toList();
        if (lines.size() > MAX_DOCUMENTS) errors.add("documents", "error.tooManyDocuments", MAX_DOCUMENTS);
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).length() > LINE_MAX || document(lines.get(i)) == null) {
                errors.add("documents", "error.documentLine", i + 1);
                break;
            }
        }
        Invalid.unless(errors);
        return new Parsed(summary, capabilities, offered, String.join("\n", lines));
    }

    /** The documents of lines already checked. */
    static List<Technology.Document> documents(String lines) {
        var documents = new ArrayList<Technology.Document>();
        lines.lines().map(TechnologyForm::document).filter(d -> d != null).forEach(documents::add);
        return documents;
    }

    /** A line's document: its last word is a web address, the words before it its title; null for anything else. */
    private static Technology.Document document(String line) {
        String trimmed = line.strip();
        int space = trimmed.lastIndexOf(' ');
        String address = trimmed.substring(space + 1);
        String title = space < 0 ? address : trimmed.substring(0, space).strip();
        try {
            var uri = new URI(address);
            boolean web = ("https".equalsIgnoreCase(uri.getScheme()) || "http".equalsIgnoreCase(uri.getScheme())) && uri.getHost() != null;
            return web ? new Technology.Document(title, address) : null;
        } catch (URISyntaxException notAnAddress) {
            return null;
        }
    }
}
