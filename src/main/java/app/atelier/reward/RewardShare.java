package app.atelier.reward;

import static app.atelier.db.MemberData.Treatment.*;

import app.atelier.db.MemberData;

/** What this feature holds about a member, for their download and for when they leave. */
public final class RewardShare {
    public static final MemberData MEMBER_DATA = MemberData.none()
            .column("reward_award.member_id", EXPORTED_AND_KEPT)
            .column("royalty_share.member_id", EXPORTED_AND_KEPT)
            .column("royalty_declaration.declared_by", NOT_THEIRS)
            .column("payout_request.member_id", EXPORTED_AND_KEPT)
            .column("bank_entry.settled_by", NOT_THEIRS)
            .column("payout_batch.created_by", NOT_THEIRS)
            .column("task_application.member_id", EXPORTED_AND_KEPT)
            .column("reflection.paid_by", NOT_THEIRS)
            .column("reflection_share.member_id", EXPORTED_AND_KEPT)
            .column("market_task.created_by", NOT_THEIRS)
            .column("market_offer.member_id", EXPORTED_AND_KEPT)
            .column("market_offer.offered_by", NOT_THEIRS)
            .export("task_applications", "SELECT t.title AS task, a.pitch, a.applied_at FROM task_application a JOIN market_task t ON t.id = a.task_id WHERE a.member_id = :id")
            .export("offers_and_tasks", """
                    SELECT coalesce(k.title, t.title) AS work, o.price, o.currency, o.state, o.note, o.fee_rate_bp, o.message, o.created_at, o.updated_at
                    FROM market_offer o LEFT JOIN contribution k ON k.id = o.contribution_id LEFT JOIN market_task t ON t.id = o.task_id WHERE o.member_id = :id""")
            .export("prizes", "SELECT c.title AS challenge, a.place, a.amount FROM reward_award a JOIN challenge c ON c.id = a.challenge_id WHERE a.member_id = :id")
            .export("royalty_shares", "SELECT c.title AS challenge, s.weight FROM royalty_share s JOIN challenge c ON c.id = s.challenge_id WHERE s.member_id = :id")
            .export("paid_after_reflection", "SELECT c.title AS challenge, s.amount FROM reflection_share s JOIN challenge c ON c.id = s.challenge_id WHERE s.member_id = :id")
            .export("payout_requests", "SELECT amount, currency, requested_at, paid_at, reference, returned_at, return_reason FROM payout_request WHERE member_id = :id");

    private RewardShare() {
    }
}
