package app.atelier.feed;

import app.atelier.challenge.Challenge;
import app.atelier.challenge.ChallengeService;
import app.atelier.challenge.Visibility;
import app.atelier.contribution.ContributionService;
import app.atelier.contribution.ResponseService;
import app.atelier.contribution.Sort;
import app.atelier.notification.Notifier;
import app.atelier.organisation.OrganisationService;
import app.atelier.web.HttpProblem;
import app.atelier.web.Paths;
import app.atelier.web.Viewer;
import com.rometools.rome.feed.synd.SyndContentImpl;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndEntryImpl;
import com.rometools.rome.feed.synd.SyndFeedImpl;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.SyndFeedOutput;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.List;

/**
 * Atom feeds, written with ROME, of what anyone may read: an organisation's public challenges, and a public challenge's
 * latest contributions and official responses. They are read as a visitor would read the pages, so nothing a page keeps
 * from visitors is in them.
 */
public final class FeedService {
    private final OrganisationService organisations;
    private final ChallengeService challenges;
    private final ContributionService contributions;
    private final ResponseService responses;
    private final Notifier notifier;

    public FeedService(OrganisationService organisations, ChallengeService challenges, ContributionService contributions, ResponseService responses,
                       Notifier notifier) {
        this.organisations = organisations;
        this.challenges = challenges;
        this.contributions = contributions;
        this.responses = responses;
        this.notifier = notifier;
    }

    public String organisation(long id) {
        var organisation = organisations.find(id);
        var entries = new ArrayList<SyndEntry>();
        for (var c : challenges.ofOrganisation(Viewer.VISITOR, id, null).items()) {
            if (c.visibility() == Visibility.PUBLIC) entries.add(entry(Paths.challenge(c.id()), c.title(), c.brief(), c.organisationName(), first(c.openedAt(), c.createdAt())));
        }
        return atom(Paths.organisation(id), organisation.name(), organisation.description(), entries);
    }

    public String challenge(long id) {
        ChallengeService.Access access;
        try {
            access = challenges.access(Viewer.VISITOR, id);
        } catch (HttpProblem.SignInRequired membersOnly) {
            throw new HttpProblem.NotFound();
        }
        Challenge c = access.challenge();
        if (c.visibility() != Visibility.PUBLIC) throw new HttpProblem.NotFound();
        var entries = new ArrayList<SyndEntry>();
        for (var k : contributions.list(Viewer.VISITOR, access, Sort.NEWEST, null, null).page().items()) {
            if (k.hidden()) continue;
            entries.add(entry(Paths.contribution(k.id()), k.title(), k.excerpt(), k.authorName(), k.createdAt()));
            for (var r : responses.responses(k.id())) {
                entries.add(entry(Paths.contribution(k.id()) + "#response-" + r.id(), k.title() + " — " + r.status().name(), r.body(), r.authorName(), r.createdAt()));
            }
        }
        return atom(Paths.challenge(id), c.title(), c.brief(), entries);
    }

    private static Instant first(Instant a, Instant b) {
        return a != null ? a : b;
    }

    private SyndEntry entry(String path, String title, String text, String author, Instant at) {
        var entry = new SyndEntryImpl();
        entry.setUri(notifier.url(path));
        entry.setLink(notifier.url(path));
        entry.setTitle(title);
        entry.setAuthor(author);
        entry.setPublishedDate(Date.from(at));
        entry.setUpdatedDate(Date.from(at));
        var content = new SyndContentImpl();
        content.setType("text/plain");
        content.setValue(text == null ? "" : text);
        entry.setDescription(content);
        return entry;
    }

    private String atom(String path, String title, String subtitle, List<SyndEntry> entries) {
        entries.sort(Comparator.comparing(SyndEntry::getUpdatedDate).reversed());
        var feed = new SyndFeedImpl();
        feed.setFeedType("atom_1.0");
        feed.setUri(notifier.url(path));
        feed.setLink(notifier.url(path));
        feed.setTitle(title);
        feed.setDescription(subtitle);
        feed.setPublishedDate(entries.isEmpty() ? Date.from(Instant.EPOCH) : entries.get(0).getUpdatedDate());
        feed.setEntries(entries);
        try {
            return new SyndFeedOutput().outputString(feed);
        } catch (FeedException e) {
            throw new IllegalStateException("a feed of plain entries always writes", e);
        }
    }
}
