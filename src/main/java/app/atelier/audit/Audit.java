package app.atelier.audit;

import app.atelier.web.Markdown;
import java.time.Instant;
import org.jdbi.v3.core.Handle;

/**
 * Writes one line of an organisation's audit log, inside the transaction of the action it records. Low in the
 * package order, so that every feature that acts on an organisation's community can record what it did.
 */
public final class Audit {
    private Audit() {
    }

    /** How much of a detail the log keeps, as plain text: a response's Markdown is read there without its marks. */
    static final int DETAIL_MAX = 2_000;

    public static void record(Handle h, long organisationId, long actorId, String action, String subject, String detail, Instant now) {
        h.attach(AuditLog.class).record(organisationId, actorId, action, subject, null, Markdown.plainText(detail, DETAIL_MAX), now);
    }

    /** A line whose subject is a member, named so that the name can be forgotten if they delete their account. */
    public static void recordAbout(Handle h, long organisationId, long actorId, String action, long memberId, String name, String detail,
                                   Instant now) {
        h.attach(AuditLog.class).record(organisationId, actorId, action, name, memberId, Markdown.plainText(detail, DETAIL_MAX), now);
    }
}
