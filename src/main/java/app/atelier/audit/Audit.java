package app.atelier.audit;

import java.time.Instant;
import org.jdbi.v3.core.Handle;

/**
 * Writes one line of an organisation's audit log, inside the transaction of the action it records. Low in the
 * package order, so that every feature that acts on an organisation's community can record what it did.
 */
public final class Audit {
    private Audit() {
    }

    public static void record(Handle h, long organisationId, long actorId, String action, String subject, String detail, Instant now) {
        h.attach(AuditLog.class).record(organisationId, actorId, action, subject, null, detail, now);
    }

    /** A line whose subject is a member, named so that the name can be forgotten if they delete their account. */
    public static void recordAbout(Handle h, long organisationId, long actorId, String action, long memberId, String name, String detail,
                                   Instant now) {
        h.attach(AuditLog.class).record(organisationId, actorId, action, name, memberId, detail, now);
    }
}
