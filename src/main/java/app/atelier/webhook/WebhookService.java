package app.atelier.webhook;

import app.atelier.db.Database;
import app.atelier.notification.Notifier;
import app.atelier.notification.WebhookEvent;
import app.atelier.organisation.OrganisationAccess;
import app.atelier.web.Errors;
import app.atelier.web.HttpProblem;
import app.atelier.web.Invalid;
import app.atelier.web.Viewer;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jdbi.v3.core.Handle;

/**
 * An organisation's endpoints, kept by its owners and managers, who also see its money: registered with the events
 * they take, tested, their secret rotated, switched on again after failing, deleted.
 */
public final class WebhookService {
    /** The most endpoints an organisation keeps: each event is sent to each of them. */
    static final int MOST = 10;
    /** How many of an endpoint's latest deliveries its page lists. */
    static final int LOG = 50;

    private final Database db;
    private final Clock clock;
    private final Notifier notifier;
    private final Destination destination;

    public WebhookService(Database db, Clock clock, Notifier notifier, Destination destination) {
        this.db = db;
        this.clock = clock;
        this.notifier = notifier;
        this.destination = destination;
    }

    public List<WebhookEndpoint> endpoints(Viewer viewer, long organisationId) {
        return db.read(h -> {
            manager(h, viewer, organisationId);
            return h.attach(WebhookDao.class).of(organisationId);
        });
    }

    /** An endpoint as its page shows it: the endpoint and its latest deliveries. */
    public record Seen(WebhookEndpoint endpoint, List<Delivery> log) {
    }

    public Seen endpoint(Viewer viewer, long organisationId, long id) {
        return db.read(h -> {
            var endpoint = endpoint(h, viewer, organisationId, id);
            return new Seen(endpoint, h.attach(WebhookDao.class).log(id, LOG));
        });
    }

    /** The endpoint as typed: its address, how it is sent, and the events it takes, at least one. */
    public record Form(String url, String kind, Set<WebhookEvent> events) {
    }

    /** Registers an endpoint once its address is found to be one it may be sent to; its address is resolved first, outside any transaction. */
    public long create(Viewer viewer, long organisationId, Form form, java.util.Locale language) {
        db.read(h -> manager(h, viewer, organisationId));
        var errors = Errors.none();
        destination.refusal(form.url().strip()).ifPresent(key -> errors.add("url", key, Destination.URL_MAX));
        var kind = app.atelier.web.Forms.choice(WebhookEndpoint.Kind.class, form.kind());
        if (kind == null) errors.add("kind", "error.choose");
        if (form.events().isEmpty()) errors.add("events", "webhook.noEvent");
        Invalid.unless(errors);
        return db.write(h -> {
            manager(h, viewer, organisationId);
            var endpoints = h.attach(WebhookDao.class);
            if (endpoints.count(organisationId) >= MOST) throw Invalid.of("url", "webhook.tooMany", MOST);
            return endpoints.create(organisationId, form.url().strip(), kind, language.toLanguageTag(), WebhookEndpoint.events(form.events()), Signature.secret(),
                    viewer.id(), clock.instant());
        });
    }

    /** Sends the endpoint a test event now, whatever events it takes. */
    public void test(Viewer viewer, long organisationId, long id) {
        db.execute(h -> {
            var endpoint = endpoint(h, viewer, organisationId, id);
            notifier.webhooks().queue(h, endpoint.id(), WebhookEvent.TEST, "/organisations/" + organisationId + "/webhooks/" + id,
                    Map.of("endpointId", endpoint.id(), "sentBy", viewer.name()), clock.instant());
        });
    }

    /** A new secret; the old one still signs beside it for a day, while the receiver changes. */
    public void rotate(Viewer viewer, long organisationId, long id) {
        db.execute(h -> h.attach(WebhookDao.class).rotate(endpoint(h, viewer, organisationId, id).id(), Signature.secret(), clock.instant()));
    }

    public void switchOn(Viewer viewer, long organisationId, long id) {
        db.execute(h -> {
            var endpoints = h.attach(WebhookDao.class);
            endpoints.switchOn(endpoint(h, viewer, organisationId, id).id());
            endpoints.dueAgain(id, clock.instant());
            h.afterCommit(notifier.webhooks()::woken);
        });
    }

    public void delete(Viewer viewer, long organisationId, long id) {
        db.execute(h -> h.attach(WebhookDao.class).delete(endpoint(h, viewer, organisationId, id).id(), clock.instant()));
    }

    private static WebhookEndpoint endpoint(Handle h, Viewer viewer, long organisationId, long id) {
        manager(h, viewer, organisationId);
        return h.attach(WebhookDao.class).find(organisationId, id).orElseThrow(HttpProblem.NotFound::new);
    }

    private static OrganisationAccess manager(Handle h, Viewer viewer, long organisationId) {
        var access = OrganisationAccess.of(h, viewer, organisationId);
        return access.require(access.manages());
    }
}
