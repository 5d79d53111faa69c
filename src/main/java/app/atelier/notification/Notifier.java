package app.atelier.notification;

import app.atelier.web.Text;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.regex.Pattern;
import org.jdbi.v3.core.Handle;

/**
 * Tells members what happened, inside the transaction of the event itself: a notification in the app, and an
 * email in the outbox, now or for the daily digest as each member chose, in the member's language. The outbox
 * is written with the event, so a mail server that is down loses nothing.
 */
public final class Notifier {
    /** Recipients written per statement batch, and per IN list. */
    private static final int BATCH = 500;
    private final String baseUrl;
    private final ZoneId zone;
    private final WebhookOutbox webhooks;

    public Notifier(String baseUrl, ZoneId zone) {
        this.baseUrl = baseUrl;
        this.zone = zone;
        this.webhooks = new WebhookOutbox(baseUrl);
    }

    /** The address of a page of the platform, as emails and calendars give it. */
    public String url(String path) {
        return baseUrl + path;
    }

    /** The organisation's endpoints, told of events in the same transaction as its people are. */
    public WebhookOutbox webhooks() {
        return webhooks;
    }

    /** Tells an organisation's staff, whatever their role, of something that happened in their organisation. */
    public void notifyStaff(Handle h, long organisationId, Notice notice, Instant now) {
        notify(h, notice, h.attach(NotificationDao.class).staff(organisationId), now);
    }

    /** A calendar invitation to a member (iCalendar text): an email carrying it, whatever they chose for notices, since it is theirs to keep. */
    public void invite(Handle h, long memberId, String address, Text text, String key, String link, String calendar, Instant now, Object... args) {
        h.attach(NotificationDao.class).invite(memberId, address, text.t(key + ".subject", args), body(text, key, link, args), false, calendar, now);
    }

    /** An email to someone who may have no account yet, such as an invitation, in the sender's language. */
    public void email(Handle h, String address, Text text, String key, String link, Instant now, Object... args) {
        h.attach(NotificationDao.class).queue(null, address, text.t(key + ".subject", args), body(text, key, link, args), false, now);
    }

    /** An email's words, then the address of the page it is about. */
    private String body(Text text, String key, String link, Object... args) {
        return text.t(key + ".body", args) + "\n\n" + url(link);
    }

    /**
     * One notification for each recipient but the actor. Many recipients (a royalty split among thousands) are
     * written in batches, each email worded once per language.
     */
    public void notify(Handle h, Notice notice, Collection<Long> recipients, Instant now) {
        var dao = h.attach(NotificationDao.class);
        var members = new ArrayList<>(new LinkedHashSet<>(recipients));
        members.remove(Long.valueOf(notice.actorId()));
        var emails = new HashMap<String, String[]>();
        Long challengeId = challengeOf(dao, notice.link());
        for (int from = 0; from < members.size(); from += BATCH) {
            var batch = members.subList(from, Math.min(members.size(), from + BATCH));
            dao.insertAll(batch, notice.kind(), notice.actorName(), notice.subject(), notice.detailKey(), notice.link(), challengeId, now);
            var told = dao.addressees(notice.kind(), notice.kind().byDefault(), batch).stream().filter(a -> a.delivery() != Delivery.OFF).toList();
            if (told.isEmpty()) continue;
            var subjects = new ArrayList<String>(told.size());
            var bodies = new ArrayList<String>(told.size());
            for (var addressee : told) {
                String[] email = emails.computeIfAbsent(addressee.locale() == null ? "" : addressee.locale(),
                        locale -> email(locale.isEmpty() ? Text.FRENCH : Locale.forLanguageTag(locale), notice));
                subjects.add(email[0]);
                bodies.add(email[1]);
            }
            dao.queueAll(told, subjects, bodies, told.stream().map(a -> a.delivery() == Delivery.DIGEST).toList(), now);
        }
    }

    private static final Pattern CHALLENGE_LINK = Pattern.compile("/challenges/(\\d{1,18})\\b.*");
    private static final Pattern CONTRIBUTION_LINK = Pattern.compile("/contributions/(\\d{1,18})\\b.*");

    /** The challenge a notification is about, found from where it leads, so that a member's list groups by challenge. */
    private static Long challengeOf(NotificationDao dao, String link) {
        var challenge = CHALLENGE_LINK.matcher(link);
        if (challenge.matches()) return Long.valueOf(challenge.group(1));
        var contribution = CONTRIBUTION_LINK.matcher(link);
        return contribution.matches() ? dao.challengeOfContribution(Long.parseLong(contribution.group(1))).orElse(null) : null;
    }

    private String[] email(Locale locale, Notice notice) {
        var text = Text.of(locale, zone);
        String detail = notice.detailKey().isEmpty() ? "" : text.t(notice.detailKey());
        String key = notice.kind().key();
        return new String[] {text.t(key + ".subject", notice.actorName(), notice.subject(), detail),
                text.t(key + ".body", notice.actorName(), notice.subject(), detail) + "\n\n" + baseUrl + notice.link() + "\n\n" + text.t("email.footer", baseUrl)};
    }
}
