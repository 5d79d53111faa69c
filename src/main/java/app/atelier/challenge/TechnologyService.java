package app.atelier.challenge;

import app.atelier.db.Database;
import app.atelier.image.NewPicture;
import app.atelier.web.HttpProblem;
import app.atelier.web.Invalid;
import app.atelier.web.Viewer;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/** The technology sheet an inside-out challenge carries: written by its managers, read by whoever sees the challenge. */
public final class TechnologyService {
    private final Database db;
    private final Clock clock;

    public TechnologyService(Database db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    /** The sheet of a challenge, as a manager edits it: empty before it is first written. */
    public record Sheet(Challenge challenge, Optional<Technology> technology) {
        public List<String> pictures() {
            return technology.map(Technology::pictures).orElse(List.of());
        }
    }

    public Sheet sheet(Viewer viewer, long challengeId) {
        return db.read(h -> sheet(h, viewer, challengeId));
    }

    /** A challenge's sheet for whoever may see the challenge; empty for any other mode, or before it is written. */
    public Optional<Technology> of(Challenge challenge) {
        if (!challenge.insideOut()) return Optional.empty();
        return db.read(h -> h.attach(TechnologyDao.class).find(challenge.id()).map(TechnologyDao.Row::technology));
    }

    /**
     * Saves the sheet with the picture added, if any, and without those taken away; @return the pictures it no
     * longer shows, whose files can go.
     */
    public List<String> describe(Viewer viewer, long challengeId, TechnologyForm form, NewPicture added) {
        return db.write(h -> {
            var sheet = sheet(h, viewer, challengeId);
            if (!sheet.challenge().state().editable()) throw new HttpProblem.Conflict("error.challengeNotEditable");
            var parsed = form.parse();
            var kept = new ArrayList<>(sheet.pictures());
            var dropped = kept.stream().filter(form.droppedPictures()::contains).toList();
            kept.removeAll(dropped);
            if (added.change() && added.name() != null) kept.add(added.name());
            if (kept.size() > Technology.MAX_PICTURES) throw Invalid.of("picture", "error.tooManyPictures", Technology.MAX_PICTURES);
            h.attach(TechnologyDao.class).save(challengeId, parsed, Arrangement.join(parsed.arrangements()), String.join(",", kept), clock.instant());
            return dropped;
        });
    }

    private static Sheet sheet(Handle h, Viewer viewer, long challengeId) {
        var access = ChallengeService.access(h, viewer, challengeId);
        if (!access.manages()) throw new HttpProblem.Forbidden();
        if (!access.challenge().insideOut()) throw new HttpProblem.NotFound();
        return new Sheet(access.challenge(), h.attach(TechnologyDao.class).find(challengeId).map(TechnologyDao.Row::technology));
    }
}
