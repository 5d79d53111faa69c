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
            "staff_offer", "community_membership", "community_suspension", "account_token", "expert_rate", "challenge_view");

    /** What becomes of a column that names a member when the member asks for their data, and when they leave. */
    enum Treatment {
        /** In the export, and its rows erased when they leave. */
        EXPORTED_AND_ERASED,
        /** In the export; kept when they leave, under the erased name, because others' records or the books rest on it. */
        EXPORTED_AND_KEPT,
        /** Not theirs to download (who did something to them, or for the organisation); erased or kept with the row. */
        NOT_THEIRS,
        /** Erased when they leave; nothing in it is theirs to read (a session, a sign-in link). */
        ERASED_ONLY,
        /** Recomputed from rows exported and kept (recognition's events, from their contributions, votes and prizes). */
        DERIVED
    }

    /** Every column of the schema that names a member, and its treatment; {@code PersonalDataTest} reads the schema against it. */
    Map<String, Treatment> MEMBER_COLUMNS = Map.ofEntries(
            Map.entry("web_session.member_id", Treatment.ERASED_ONLY),
            Map.entry("account_token.member_id", Treatment.ERASED_ONLY),
            Map.entry("challenge_view.member_id", Treatment.ERASED_ONLY),
            Map.entry("organisation_staff.member_id", Treatment.EXPORTED_AND_ERASED),
            Map.entry("staff_offer.member_id", Treatment.EXPORTED_AND_ERASED),
            Map.entry("staff_offer.offered_by", Treatment.NOT_THEIRS),
            Map.entry("community_membership.member_id", Treatment.EXPORTED_AND_ERASED),
            Map.entry("community_membership.decided_by", Treatment.NOT_THEIRS),
            Map.entry("community_suspension.member_id", Treatment.EXPORTED_AND_ERASED),
            Map.entry("community_suspension.suspended_by", Treatment.NOT_THEIRS),
            Map.entry("community_invitation.invited_by", Treatment.NOT_THEIRS),
            Map.entry("community_invitation.used_by", Treatment.NOT_THEIRS),
            Map.entry("follow.member_id", Treatment.EXPORTED_AND_ERASED),
            Map.entry("flag.member_id", Treatment.EXPORTED_AND_ERASED),
            Map.entry("notification.member_id", Treatment.EXPORTED_AND_ERASED),
            Map.entry("notification_preference.member_id", Treatment.EXPORTED_AND_ERASED),
            Map.entry("expert_rate.member_id", Treatment.EXPORTED_AND_ERASED),
            Map.entry("outbox.member_id", Treatment.EXPORTED_AND_KEPT),
            Map.entry("challenge.created_by", Treatment.NOT_THEIRS),
            Map.entry("contribution.author_id", Treatment.EXPORTED_AND_KEPT),
            Map.entry("contribution.helpful_by", Treatment.NOT_THEIRS),
            Map.entry("comment.author_id", Treatment.EXPORTED_AND_KEPT),
            Map.entry("conversation_message.author_id", Treatment.EXPORTED_AND_KEPT),
            Map.entry("agreement.recorded_by", Treatment.NOT_THEIRS),
            Map.entry("vote.member_id", Treatment.EXPORTED_AND_KEPT),
            Map.entry("official_response.author_id", Treatment.EXPORTED_AND_KEPT),
            Map.entry("audit_log.actor_id", Treatment.NOT_THEIRS),
            Map.entry("audit_log.subject_member_id", Treatment.NOT_THEIRS),
            Map.entry("terms_acceptance.member_id", Treatment.EXPORTED_AND_KEPT),
            Map.entry("challenge_team.member_id", Treatment.EXPORTED_AND_KEPT),
            Map.entry("challenge_announcement.actor_id", Treatment.NOT_THEIRS),
            Map.entry("ledger_transaction.recorded_by", Treatment.NOT_THEIRS),
            Map.entry("reward_award.member_id", Treatment.EXPORTED_AND_KEPT),
            Map.entry("recognition_event.member_id", Treatment.DERIVED),
            Map.entry("recognition_points.member_id", Treatment.EXPORTED_AND_KEPT),
            Map.entry("recognition_count.member_id", Treatment.EXPORTED_AND_KEPT),
            Map.entry("royalty_share.member_id", Treatment.EXPORTED_AND_KEPT),
            Map.entry("royalty_declaration.declared_by", Treatment.NOT_THEIRS),
            Map.entry("payout_request.member_id", Treatment.EXPORTED_AND_KEPT),
            Map.entry("task_application.member_id", Treatment.EXPORTED_AND_KEPT),
            Map.entry("reflection.paid_by", Treatment.NOT_THEIRS),
            Map.entry("reflection_share.member_id", Treatment.EXPORTED_AND_KEPT),
            Map.entry("market_task.created_by", Treatment.NOT_THEIRS),
            Map.entry("market_offer.member_id", Treatment.EXPORTED_AND_KEPT),
            Map.entry("market_offer.offered_by", Treatment.NOT_THEIRS),
            Map.entry("expert_session.expert_id", Treatment.EXPORTED_AND_KEPT),
            Map.entry("expert_session.booked_by", Treatment.NOT_THEIRS));

    default Map<String, List<Map<String, Object>>> export(long id) {
        var parts = new LinkedHashMap<String, List<Map<String, Object>>>();
        parts.put("member", member(id));
        parts.put("organisation_roles", organisationRoles(id));
        parts.put("staff_offers_received", staffOffers(id));
        parts.put("communities", communities(id));
        parts.put("suspensions", suspensions(id));
        parts.put("contributions", contributions(id));
        parts.put("comments", comments(id));
        parts.put("private_messages", conversationMessages(id));
        parts.put("votes", votes(id));
        parts.put("follows", follows(id));
        parts.put("flags", flags(id));
        parts.put("official_responses_written", officialResponses(id));
        parts.put("notifications", notifications(id));
        parts.put("notification_preferences", notificationPreferences(id));
        parts.put("task_applications", taskApplications(id));
        parts.put("expert_rate", expertRate(id));
        parts.put("expert_sessions_given", expertSessions(id));
        parts.put("terms_accepted", termsAccepted(id));
        parts.put("product_teams", productTeams(id));
        parts.put("offers_and_tasks", offers(id));
        parts.put("prizes", awards(id));
        parts.put("recognition_points", recognitionPoints(id));
        parts.put("recognition_counts", recognitionCounts(id));
        parts.put("royalty_shares", royaltyShares(id));
        parts.put("paid_after_reflection", reflectionShares(id));
        parts.put("earnings", earnings(id));
        parts.put("payout_requests", payouts(id));
        parts.put("emails", emails(id));
        return parts;
    }

    @SqlQuery("SELECT o.name AS organisation, s.role, s.offered_at FROM staff_offer s JOIN organisation o ON o.id = s.organisation_id WHERE s.member_id = :id")
    List<Map<String, Object>> staffOffers(long id);

    @SqlQuery("SELECT c.title AS challenge, t.version, t.accepted_at FROM terms_acceptance t JOIN challenge c ON c.id = t.challenge_id WHERE t.member_id = :id")
    List<Map<String, Object>> termsAccepted(long id);

    @SqlQuery("SELECT c.title AS challenge, t.lead, t.added_at FROM challenge_team t JOIN challenge c ON c.id = t.challenge_id WHERE t.member_id = :id")
    List<Map<String, Object>> productTeams(long id);

    @SqlQuery("""
            SELECT coalesce(k.title, t.title) AS work, o.price, o.currency, o.state, o.note, o.fee_rate_bp, o.message, o.created_at, o.updated_at
            FROM market_offer o LEFT JOIN contribution k ON k.id = o.contribution_id LEFT JOIN market_task t ON t.id = o.task_id WHERE o.member_id = :id""")
    List<Map<String, Object>> offers(long id);

    @SqlQuery("SELECT c.title AS challenge, a.place, a.amount FROM reward_award a JOIN challenge c ON c.id = a.challenge_id WHERE a.member_id = :id")
    List<Map<String, Object>> awards(long id);

    /** Organisation 0 is all of Atelier; month 0 is all time. */
    @SqlQuery("SELECT organisation_id, month, points FROM recognition_points WHERE member_id = :id ORDER BY organisation_id, month")
    List<Map<String, Object>> recognitionPoints(long id);

    @SqlQuery("SELECT kind, events FROM recognition_count WHERE member_id = :id ORDER BY kind")
    List<Map<String, Object>> recognitionCounts(long id);

    @SqlQuery("SELECT c.title AS challenge, s.weight FROM royalty_share s JOIN challenge c ON c.id = s.challenge_id WHERE s.member_id = :id")
    List<Map<String, Object>> royaltyShares(long id);

    @SqlQuery("SELECT c.title AS challenge, s.amount FROM reflection_share s JOIN challenge c ON c.id = s.challenge_id WHERE s.member_id = :id")
    List<Map<String, Object>> reflectionShares(long id);

    @SqlQuery("""
            SELECT t.event, t.description AS subject, t.created_at, p.amount, coalesce(p.gross, p.amount) AS gross, a.currency
            FROM ledger_posting p JOIN ledger_account a ON a.id = p.account_id JOIN ledger_transaction t ON t.id = p.transaction_id
            WHERE a.kind = 'EARNINGS' AND a.owner_id = :id ORDER BY t.id""")
    List<Map<String, Object>> earnings(long id);

    @SqlQuery("SELECT amount, currency, requested_at, paid_at, reference FROM payout_request WHERE member_id = :id")
    List<Map<String, Object>> payouts(long id);

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

    @SqlQuery("SELECT contribution_id, body, created_at FROM conversation_message WHERE author_id = :id")
    List<Map<String, Object>> conversationMessages(long id);

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
