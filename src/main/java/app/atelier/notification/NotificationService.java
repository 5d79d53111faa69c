package app.atelier.notification;

import app.atelier.db.Database;
import app.atelier.web.HttpProblem;
import app.atelier.web.Paged;
import app.atelier.web.Text;
import app.atelier.web.Viewer;
import java.time.Clock;
import java.time.Duration;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/** A member's notifications and delivery choices, the daily digest, and the outbox as the admins see it. */
public final class NotificationService {
    public static final int PAGE_SIZE = 30;

    private final Database db;
    private final Clock clock;
    private final String baseUrl;

    public NotificationService(Database db, Clock clock, String baseUrl) {
        this.db = db;
        this.clock = clock;
        this.baseUrl = baseUrl;
    }

    public Paged<Notification> page(Viewer viewer, int page) {
        long member = viewer.id();
        return db.read(h -> {
            var dao = h.attach(NotificationDao.class);
            return new Paged<>(dao.page(member, PAGE_SIZE, Paged.offset(page, PAGE_SIZE)), page, dao.count(member), PAGE_SIZE);
        });
    }

    /** Marks the notification read and gives where it leads; someone else's is not found. */
    public String open(Viewer viewer, long id) {
        long member = viewer.id();
        return db.write(h -> {
            var dao = h.attach(NotificationDao.class);
            String link = dao.link(id, member).orElseThrow(HttpProblem.NotFound::new);
            dao.markRead(id, member, clock.instant());
            return link;
        });
    }

    public void markAllRead(Viewer viewer) {
        long member = viewer.id();
        db.execute(h -> h.attach(NotificationDao.class).markAllRead(member, clock.instant()));
    }

    /** Each kind's delivery, NOW where the member has not chosen. */
    public Map<NotificationKind, Delivery> deliveries(Viewer viewer) {
        long member = viewer.id();
        var chosen = db.read(h -> h.attach(NotificationDao.class).deliveries(member));
        var all = new EnumMap<NotificationKind, Delivery>(NotificationKind.class);
        for (var kind : NotificationKind.values()) all.put(kind, chosen.getOrDefault(kind, kind.byDefault()));
        return all;
    }

    public void choose(Viewer viewer, Map<NotificationKind, Delivery> choices) {
        long member = viewer.id();
        db.execute(h -> choices.forEach((kind, delivery) -> h.attach(NotificationDao.class).choose(member, kind, delivery)));
    }

    /** A member's digest goes once the oldest news in it is a day old. */
    static final Duration DIGEST_EVERY = Duration.ofDays(1);

    /**
     * Gathers the waiting digest emails of each member whose oldest is a day old into one, in their language;
     * returns how many digests were made. Run every few minutes, it sends each member a digest a day at most, whenever
     * the instance was started.
     */
    public int makeDigests() {
        return db.write(h -> {
            var dao = h.attach(NotificationDao.class);
            var byMember = dao.waitingForDigest(clock.instant().minus(DIGEST_EVERY)).stream().collect(Collectors.groupingBy(OutboxEmail::toAddress, LinkedHashMap::new, Collectors.toList()));
            var now = clock.instant();
            byMember.forEach((address, emails) -> {
                Long memberId = emails.get(0).memberId();
                String locale = memberId == null ? null : dao.recipient(memberId).map(NotificationDao.Recipient::locale).orElse(null);
                var text = Text.of(locale == null ? Text.FRENCH : Locale.forLanguageTag(locale), clock.getZone());
                String body = emails.stream().map(e -> "• " + e.subject() + "\n" + e.body().lines().skip(2).findFirst().orElse(""))
                        .collect(Collectors.joining("\n\n"));
                dao.queue(memberId, address, text.t("email.digest.subject", emails.size()), body + "\n\n" + text.t("email.footer", baseUrl), false, now);
                emails.forEach(e -> dao.sent(e.id(), now));
            });
            return byMember.size();
        });
    }

    /** The outbox, for platform admins: what was sent, what waits, what failed. */
    public List<OutboxEmail> outbox(Viewer viewer) {
        if (!viewer.admin()) throw new HttpProblem.Forbidden();
        return db.read(h -> h.attach(NotificationDao.class).recent(200)).stream().map(OutboxEmail::masked).toList();
    }
}
