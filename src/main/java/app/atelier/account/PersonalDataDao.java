package app.atelier.account;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.mapper.MapMapper;
import org.jdbi.v3.sqlobject.config.RegisterRowMapper;
import org.jdbi.v3.sqlobject.customizer.Define;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** Every part of the export reads one member's rows; secrets (password hash, session ids) are left out. */
@RegisterRowMapper(MapMapper.class)
interface PersonalDataDao {
    /** The tables whose rows about a member go when the member leaves. */
    List<String> ERASED = List.of("web_session", "notification", "notification_preference", "follow", "flag", "organisation_staff",
            "staff_offer", "community_membership", "community_suspension", "account_token", "expert_rate");

    default Map<String, List<Map<String, Object>>> export(long id) {
        var parts = new LinkedHashMap<String, List<Map<String, Object>>>();
        parts.put("member", member(id));
        parts.put("organisation_roles", organisationRoles(id));
        parts.put("communities", communities(id));
        parts.put("suspensions", suspensions(id));
        parts.put("contributions", contributions(id));
        parts.put("comments", comments(id));
        parts.put("votes", votes(id));
        parts.put("follows", follows(id));
        parts.put("flags", flags(id));
        parts.put("official_responses_written", officialResponses(id));
        parts.put("notifications", notifications(id));
        parts.put("notification_preferences", notificationPreferences(id));
        parts.put("task_applications", taskApplications(id));
        parts.put("expert_rate", expertRate(id));
        parts.put("expert_sessions_given", expertSessions(id));
        parts.put("emails", emails(id));
        return parts;
    }

    @SqlQuery("SELECT t.title AS task, a.pitch, a.applied_at FROM task_application a JOIN market_task t ON t.id = a.task_id WHERE a.member_id = :id")
    List<Map<String, Object>> taskApplications(long id);

    @SqlQuery("SELECT per_minute, free_minutes, currency, open, updated_at FROM expert_rate WHERE member_id = :id")
    List<Map<String, Object>> expertRate(long id);

    @SqlQuery("""
            SELECT o.name AS organisation, s.topic, s.slot_at, s.planned_minutes, s.per_minute, s.free_minutes, s.currency, s.state,
                   s.started_at, s.ended_at, s.minutes_used, s.billed, s.refunded
            FROM expert_session s JOIN organisation o ON o.id = s.organisation_id WHERE s.expert_id = :id""")
    List<Map<String, Object>> expertSessions(long id);

    @SqlQuery("SELECT id, name, email, bio, locale, created_at FROM member WHERE id = :id")
    List<Map<String, Object>> member(long id);

    @SqlQuery("SELECT o.name AS organisation, s.role, s.added_at FROM organisation_staff s JOIN organisation o ON o.id = s.organisation_id WHERE s.member_id = :id")
    List<Map<String, Object>> organisationRoles(long id);

    @SqlQuery("""
            SELECT o.name AS organisation, c.state, c.city, c.country, c.age_range, c.occupation, c.product_use, c.skills, c.motivation,
                   c.decision_message, c.applied_at, c.decided_at
            FROM community_membership c JOIN organisation o ON o.id = c.organisation_id WHERE c.member_id = :id""")
    List<Map<String, Object>> communities(long id);

    @SqlQuery("SELECT o.name AS organisation, s.reason, s.suspended_at FROM community_suspension s JOIN organisation o ON o.id = s.organisation_id WHERE s.member_id = :id")
    List<Map<String, Object>> suspensions(long id);

    @SqlQuery("SELECT id, challenge_id, kind, title, body, status, vote_count, created_at, updated_at FROM contribution WHERE author_id = :id")
    List<Map<String, Object>> contributions(long id);

    @SqlQuery("SELECT id, contribution_id, parent_id, body, deleted, created_at, updated_at FROM comment WHERE author_id = :id")
    List<Map<String, Object>> comments(long id);

    @SqlQuery("SELECT contribution_id, created_at FROM vote WHERE member_id = :id")
    List<Map<String, Object>> votes(long id);

    @SqlQuery("SELECT contribution_id, created_at FROM follow WHERE member_id = :id")
    List<Map<String, Object>> follows(long id);

    @SqlQuery("SELECT item_type, item_id, reason, note, created_at FROM flag WHERE member_id = :id")
    List<Map<String, Object>> flags(long id);

    @SqlQuery("SELECT contribution_id, status, body, created_at FROM official_response WHERE author_id = :id")
    List<Map<String, Object>> officialResponses(long id);

    @SqlQuery("SELECT kind, actor_name, subject, link, created_at, read_at FROM notification WHERE member_id = :id")
    List<Map<String, Object>> notifications(long id);

    @SqlQuery("SELECT kind, delivery FROM notification_preference WHERE member_id = :id")
    List<Map<String, Object>> notificationPreferences(long id);

    @SqlQuery("SELECT to_address, subject, body, created_at, sent_at FROM outbox WHERE member_id = :id")
    List<Map<String, Object>> emails(long id);

    @SqlQuery("""
            SELECT count(*) > 0 FROM organisation_staff s WHERE s.member_id = :id AND s.role = 'OWNER'
            AND NOT EXISTS (SELECT 1 FROM organisation_staff o WHERE o.organisation_id = s.organisation_id AND o.role = 'OWNER' AND o.member_id <> :id)""")
    boolean onlyOwner(long id);

    @SqlUpdate("""
            UPDATE member SET name = '', email = :erased, email_key = :erased, password_hash = '!', bio = '', locale = NULL, email_verified_at = NULL
            WHERE id = :id""")
    void eraseMember(long id, String erased);

    /** @param table one of {@link #ERASED} */
    @SqlUpdate("DELETE FROM <table> WHERE member_id = :id")
    void deleteRows(@Define("table") String table, long id);

    @SqlUpdate("UPDATE outbox SET to_address = :erased, subject = '', body = '' WHERE member_id = :id")
    void eraseEmails(long id, String erased);

    /** The log keeps what happened, and forgets who it happened to. */
    @SqlUpdate("UPDATE audit_log SET subject = '', subject_member_id = NULL WHERE subject_member_id = :id")
    void forgetInAuditLog(long id);
}
