package app.atelier.bank;

import static app.atelier.db.MemberData.Treatment.*;

import app.atelier.db.MemberData;

/** What this feature holds about a member: the account their payouts go to, exported, and erased when they leave. */
public final class BankShare {
    public static final MemberData MEMBER_DATA = MemberData.none()
            .column("bank_details.member_id", EXPORTED_AND_ERASED)
            .export("bank_details", "SELECT iban, bic, holder, changed_at FROM bank_details WHERE member_id = :id");

    private BankShare() {
    }
}
