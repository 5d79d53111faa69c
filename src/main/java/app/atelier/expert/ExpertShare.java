package app.atelier.expert;

import static app.atelier.db.MemberData.Treatment.*;

import app.atelier.db.MemberData;

/** What this feature holds about a member, for their download and for when they leave. */
public final class ExpertShare {
    public static final MemberData MEMBER_DATA = MemberData.none()
            .column("expert_rate.member_id", EXPORTED_AND_ERASED)
            .column("expert_session.expert_id", EXPORTED_AND_KEPT)
            .column("expert_session.booked_by", NOT_THEIRS)
            .export("expert_rate", "SELECT per_minute, free_minutes, currency, open, updated_at FROM expert_rate WHERE member_id = :id")
            .export("expert_sessions_given", """
                    SELECT o.name AS organisation, s.topic, s.slot_at, s.planned_minutes, s.per_minute, s.free_minutes, s.currency, s.state,
                           s.started_at, s.ended_at, s.minutes_used, s.billed, s.refunded
                    FROM expert_session s JOIN organisation o ON o.id = s.organisation_id WHERE s.expert_id = :id""");

    private ExpertShare() {
    }
}
