package app.atelier.moderation;

import app.atelier.contribution.ItemType;
/** An item in the moderators' queue: flagged, hidden, or both. */
public record FlaggedItem(ItemType itemType, long id, String text, long authorId, String authorName, long contributionId, long openFlags,
                          boolean hidden, String reasons) {
}
