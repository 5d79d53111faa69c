package app.atelier.account;

import static app.atelier.db.MemberData.Treatment.*;

import app.atelier.db.MemberData;

/** What this feature holds about a member, for their download and for when they leave. */
public final class AccountShare {
    public static final MemberData MEMBER_DATA = MemberData.none()
            .column("web_session.member_id", ERASED_ONLY)
            .column("account_token.member_id", ERASED_ONLY)
            .column("api_token.member_id", EXPORTED_AND_ERASED)
            .column("company_sign_in.updated_by", NOT_THEIRS)
            .column("company_sign_in_attempt.member_id", ERASED_ONLY)
            .column("company_identity.member_id", EXPORTED_AND_ERASED)
            .export("member", "SELECT id, name, email, bio, locale, created_at FROM member WHERE id = :id")
            .export("company_identities", "SELECT issuer, subject, linked_at FROM company_identity WHERE member_id = :id")
            .export("api_tokens", "SELECT name, scope, created_at, last_used_at, revoked_at FROM api_token WHERE member_id = :id")
            .scrub("""
                    UPDATE member SET name = '', email = :erased, email_key = :erased, password_hash = '!', bio = '', locale = NULL,
                    email_verified_at = NULL WHERE id = :id""");

    private AccountShare() {
    }
}
