package app.atelier.account;

import app.atelier.db.Database;
import app.atelier.web.HttpProblem;
import app.atelier.web.Viewer;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Handle;

/** What Atelier holds about a member: all of it, to download; and erasing it when they leave. */
public final class PersonalData {
    /** The name shown on what a former member wrote. */
    public static final String FORMER_MEMBER = "former member";
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    /** Each part of the export and the query that reads it; :id is the member. Secrets (password hash, session ids) are left out. */
    private static final Map<String, String> PARTS = parts();

    private final Database db;
    private final Clock clock;

    public PersonalData(Database db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    public String export(Viewer viewer) {
        long id = viewer.id();
        var export = new LinkedHashMap<String, Object>();
        export.put("exported_at", clock.instant().toString());
        db.read(h -> {
            PARTS.forEach((name, sql) -> export.put(name, rows(h, sql, id)));
            return null;
        });
        try {
            return JSON.writeValueAsString(export);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the export could not be written", e);
        }
    }

    /**
     * Deletes the account: the name becomes {@value #FORMER_MEMBER} on what the member wrote, the profile, email,
     * sessions, notifications and follows are erased; contributions, comments and votes stay, so threads and
     * counts hold. The only owner of an organisation cannot leave it ownerless.
     */
    public void delete(Viewer viewer) {
        long id = viewer.id();
        db.execute(h -> {
            boolean onlyOwner = h.createQuery("""
                    SELECT count(*) > 0 FROM organisation_staff s WHERE s.member_id = :id AND s.role = 'OWNER'
                    AND NOT EXISTS (SELECT 1 FROM organisation_staff o WHERE o.organisation_id = s.organisation_id AND o.role = 'OWNER' AND o.member_id <> :id)""")
                    .bind("id", id).mapTo(Boolean.class).one();
            if (onlyOwner) throw new HttpProblem.Conflict("error.ownerCannotLeave");
            String erased = "deleted-" + id + "@invalid";
            h.createUpdate("""
                    UPDATE member SET name = :name, email = :erased, email_key = :erased, password_hash = '!', bio = '', locale = NULL, email_verified_at = NULL
                    WHERE id = :id""").bind("name", FORMER_MEMBER).bind("erased", erased).bind("id", id).execute();
            for (String table : List.of("web_session", "notification", "notification_preference", "follow", "flag",
                    "organisation_staff", "staff_offer", "community_membership", "community_suspension", "account_token")) {
                h.createUpdate("DELETE FROM " + table + " WHERE member_id = :id").bind("id", id).execute();
            }
            h.createUpdate("UPDATE outbox SET to_address = :erased, subject = '', body = '' WHERE member_id = :id")
                    .bind("erased", erased).bind("id", id).execute();
            // The log keeps what happened, and forgets who it happened to.
            h.createUpdate("UPDATE audit_log SET subject = :name, subject_member_id = NULL WHERE subject_member_id = :id")
                    .bind("name", FORMER_MEMBER).bind("id", id).execute();
        });
    }

    private static List<Map<String, Object>> rows(Handle h, String sql, long id) {
        return h.createQuery(sql).bind("id", id).mapToMap().map(PersonalData::readable).list();
    }

    /** Times are stored as epoch milliseconds; the export writes them as dates. */
    private static Map<String, Object> readable(Map<String, Object> row) {
        var out = new LinkedHashMap<String, Object>();
        row.forEach((column, value) -> out.put(column,
                column.endsWith("_at") && value instanceof Number n ? Instant.ofEpochMilli(n.longValue()).toString() : value));
        return out;
    }

    private static Map<String, String> parts() {
        var parts = new LinkedHashMap<String, String>();
        parts.put("member", "SELECT id, name, email, bio, locale, created_at FROM member WHERE id = :id");
        parts.put("organisation_roles", "SELECT o.name AS organisation, s.role, s.added_at FROM organisation_staff s JOIN organisation o ON o.id = s.organisation_id WHERE s.member_id = :id");
        parts.put("communities", "SELECT o.name AS organisation, c.state, c.city, c.country, c.age_range, c.occupation, c.product_use, c.skills, c.motivation, c.decision_message, c.applied_at, c.decided_at FROM community_membership c JOIN organisation o ON o.id = c.organisation_id WHERE c.member_id = :id");
        parts.put("suspensions", "SELECT o.name AS organisation, s.reason, s.suspended_at FROM community_suspension s JOIN organisation o ON o.id = s.organisation_id WHERE s.member_id = :id");
        parts.put("contributions", "SELECT id, challenge_id, kind, title, body, status, vote_count, created_at, updated_at FROM contribution WHERE author_id = :id");
        parts.put("comments", "SELECT id, contribution_id, parent_id, body, deleted, created_at, updated_at FROM comment WHERE author_id = :id");
        parts.put("votes", "SELECT contribution_id, created_at FROM vote WHERE member_id = :id");
        parts.put("follows", "SELECT contribution_id, created_at FROM follow WHERE member_id = :id");
        parts.put("flags", "SELECT item_type, item_id, reason, note, created_at FROM flag WHERE member_id = :id");
        parts.put("official_responses_written", "SELECT contribution_id, status, body, created_at FROM official_response WHERE author_id = :id");
        parts.put("notifications", "SELECT kind, actor_name, subject, link, created_at, read_at FROM notification WHERE member_id = :id");
        parts.put("notification_preferences", "SELECT kind, delivery FROM notification_preference WHERE member_id = :id");
        parts.put("emails", "SELECT to_address, subject, body, created_at, sent_at FROM outbox WHERE member_id = :id");
        return parts;
    }
}
