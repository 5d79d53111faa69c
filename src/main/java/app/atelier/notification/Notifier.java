package app.atelier.notification;

import app.atelier.web.Text;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Locale;
import org.jdbi.v3.core.Handle;

/**
 * Tells members what happened, inside the transaction of the event itself: a notification in the app, and an
 * email in the outbox, now or for the daily digest as each member chose, in the member's language. The outbox
 * is written with the event, so a mail server that is down loses nothing.
 */
public final class Notifier {
    private final String baseUrl;

    public Notifier(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    /** An email to someone who may have no account yet, such as an invitation, in the sender's language. */
    public void email(Handle h, String address, Text text, String key, String link, Instant now, Object... args) {
        h.attach(NotificationDao.class).queue(null, address, text.t(key + ".subject", args),
                text.t(key + ".body", args) + "\n\n" + baseUrl + link, false, now);
    }

    /** One notice for each recipient but the actor. */
    public void notify(Handle h, NotificationKind kind, Collection<Long> recipients, long actorId, String actorName, String subject,
                       String link, Instant now) {
        notify(h, kind, recipients, actorId, actorName, subject, "", link, now);
    }

    /** @param detailKey a bundle key said with the notice, such as a challenge's new state; empty for none */
    public void notify(Handle h, NotificationKind kind, Collection<Long> recipients, long actorId, String actorName, String subject,
                       String detailKey, String link, Instant now) {
        var dao = h.attach(NotificationDao.class);
        for (long memberId : new LinkedHashSet<>(recipients)) {
            if (memberId == actorId) continue;
            dao.insert(memberId, kind, actorName, subject, detailKey, link, now);
            var delivery = dao.delivery(memberId, kind).orElse(Delivery.NOW);
            if (delivery == Delivery.OFF) continue;
            dao.recipient(memberId).ifPresent(r -> {
                var text = Text.of(r.locale() == null ? Text.FRENCH : Locale.forLanguageTag(r.locale()));
                String detail = detailKey.isEmpty() ? "" : text.t(detailKey);
                dao.queue(memberId, r.email(), text.t(kind.key() + ".subject", actorName, subject, detail),
                        text.t(kind.key() + ".body", actorName, subject, detail) + "\n\n" + baseUrl + link + "\n\n" + text.t("email.footer", baseUrl),
                        delivery == Delivery.DIGEST, now);
            });
        }
    }
}
