package app.atelier.notification;

import app.atelier.web.Viewer;

/**
 * What a notification says, to whoever it goes: its kind, who acted (an id of 0 or less and a name when nobody did,
 * such as the organisation or Atelier), what it is about, a detail said with it (a bundle key such as a challenge's
 * new state, or empty) and where it leads.
 */
public record Notice(NotificationKind kind, long actorId, String actorName, String subject, String detailKey, String link) {
    /** A notice of something a member did. */
    public static Notice by(Viewer actor, NotificationKind kind, String subject, String detailKey, String link) {
        return new Notice(kind, actor.id(), actor.name(), subject, detailKey, link);
    }
}
