package app.atelier.audit;

import java.time.Instant;
import java.util.List;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** Who did what, when and why, in an organisation: written once, never edited (the database refuses). */
@RegisterConstructorMapper(AuditEntry.class)
public interface AuditLog {
    @SqlUpdate("""
            INSERT INTO audit_log (organisation_id, actor_id, action, subject, subject_member_id, detail, created_at)
            VALUES (:organisationId, :actorId, :action, :subject, :subjectMemberId, :detail, :now)""")
    void record(long organisationId, long actorId, String action,
                String subject, Long subjectMemberId, String detail,
                Instant now);

    @SqlQuery("""
            SELECT a.id, m.name AS actor_name, a.action, a.subject, a.detail, a.created_at
            FROM audit_log a JOIN member m ON m.id = a.actor_id
            WHERE a.organisation_id = :organisationId ORDER BY a.id DESC LIMIT :limit OFFSET :offset""")
    List<AuditEntry> page(long organisationId, int limit, long offset);

    @SqlQuery("SELECT count(*) FROM audit_log WHERE organisation_id = :organisationId")
    long count(long organisationId);
}
