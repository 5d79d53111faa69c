package app.atelier.webhook;

import static app.atelier.db.MemberData.Treatment.*;

import app.atelier.db.MemberData;

/** What this feature holds about a member: who registered an organisation's endpoint, which is the organisation's. */
public final class WebhookShare {
    public static final MemberData MEMBER_DATA = MemberData.none().column("webhook_endpoint.created_by", NOT_THEIRS);

    private WebhookShare() {
    }
}
