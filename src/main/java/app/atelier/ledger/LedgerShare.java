package app.atelier.ledger;

import static app.atelier.db.MemberData.Treatment.*;

import app.atelier.db.MemberData;

/** What this feature holds about a member, for their download and for when they leave. */
public final class LedgerShare {
    public static final MemberData MEMBER_DATA = MemberData.none()
            .column("ledger_transaction.recorded_by", NOT_THEIRS)
            .export("earnings", """
                    SELECT t.event, t.description AS subject, t.created_at, p.amount, coalesce(p.gross, p.amount) AS gross, a.currency
                    FROM ledger_posting p JOIN ledger_account a ON a.id = p.account_id JOIN ledger_transaction t ON t.id = p.transaction_id
                    WHERE a.kind = 'EARNINGS' AND a.owner_id = :id ORDER BY t.id""");

    private LedgerShare() {
    }
}
