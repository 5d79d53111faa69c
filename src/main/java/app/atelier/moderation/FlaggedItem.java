package app.atelier.moderation;

import app.atelier.contribution.FlagReason;
import app.atelier.contribution.ItemType;
import app.atelier.web.Markdown;
import java.util.List;
import org.jdbi.v3.core.mapper.reflect.JdbiConstructor;

/** An item in the moderators' queue: flagged, hidden, or both, with who flagged it and why. */
public record FlaggedItem(ItemType itemType, long id, String text, long authorId, String authorName, long contributionId, long openFlags,
                          boolean hidden, List<Report> reports) {

    /** One member's flag on an item, with the note they wrote. */
    public record Report(ItemType itemType, long itemId, long reporterId, String reporterName, FlagReason reason, String note) {
    }

    /** The same item as the queue's row, before its reports are read; a comment's Markdown is read as the plain text it says. */
    @JdbiConstructor
    public FlaggedItem(ItemType itemType, long id, String text, long authorId, String authorName, long contributionId, long openFlags,
                       boolean hidden) {
        this(itemType, id, itemType == ItemType.COMMENT ? Markdown.plainText(text, 200) : text, authorId, authorName, contributionId, openFlags, hidden,
                List.of());
    }

    FlaggedItem withReports(List<Report> all) {
        return new FlaggedItem(itemType, id, text, authorId, authorName, contributionId, openFlags, hidden,
                all.stream().filter(r -> r.itemType() == itemType && r.itemId() == id).toList());
    }
}
