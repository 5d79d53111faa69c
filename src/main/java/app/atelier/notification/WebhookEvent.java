package app.atelier.notification;

import java.util.Locale;

/** What an organisation's endpoints may hear of, by the names their payloads carry in {@code type}. */
public enum WebhookEvent {
    CONTRIBUTION_CREATED("contribution.created"),
    COMMENT_CREATED("comment.created"),
    OFFICIAL_RESPONSE("response.created"),
    CHALLENGE_MOVED("challenge.moved"),
    FLAG_RAISED("flag.raised"),
    APPLICATION_RECEIVED("application.received"),
    PAYMENT_MADE("payment.made"),
    DOCUMENT_ISSUED("document.issued"),
    /** Sent by the button on the endpoint's page, to it alone. */
    TEST("test.ping");

    public final String type;

    WebhookEvent(String type) {
        this.type = type;
    }

    public String key() {
        return "webhook.event." + name().toLowerCase(Locale.ROOT);
    }
}
