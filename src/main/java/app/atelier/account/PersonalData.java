package app.atelier.account;

import app.atelier.db.Database;
import app.atelier.db.MemberData;
import app.atelier.web.HttpProblem;
import app.atelier.web.Viewer;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** What Atelier holds about a member: all of it, to download; and erasing it when they leave. */
public final class PersonalData {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private final Database db;
    private final Clock clock;
    private final List<MemberData> shares;

    /** @param shares every feature's share of what is held about a member */
    public PersonalData(Database db, Clock clock, List<MemberData> shares) {
        this.db = db;
        this.clock = clock;
        this.shares = List.copyOf(shares);
    }

    public String export(Viewer viewer) {
        long id = viewer.id();
        var export = new LinkedHashMap<String, Object>();
        export.put("exported_at", clock.instant().toString());
        db.read(h -> h.attach(PersonalDataDao.class).export(shares, id)).forEach((part, rows) -> export.put(part, rows.stream().map(PersonalData::readable).toList()));
        try {
            return JSON.writeValueAsString(export);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the export could not be written", e);
        }
    }

    /**
     * Deletes the account: the name is emptied, which pages show as "former member" in the reader's language; the profile, email,
     * sessions, notifications and follows are erased; contributions, comments and votes stay, so threads and
     * counts hold. The only owner of an organisation cannot leave it ownerless.
     */
    public void delete(Viewer viewer) {
        long id = viewer.id();
        db.execute(h -> {
            var data = h.attach(PersonalDataDao.class);
            if (data.onlyOwner(id)) throw new HttpProblem.Conflict("error.ownerCannotLeave");
            data.erase(shares, id, "deleted-" + id + "@invalid");
        });
    }

    /** Times are stored as epoch milliseconds; the export writes them as dates. */
    private static Map<String, Object> readable(Map<String, Object> row) {
        var out = new LinkedHashMap<String, Object>();
        row.forEach((column, value) -> out.put(column,
                column.endsWith("_at") && value instanceof Number n ? Instant.ofEpochMilli(n.longValue()).toString() : value));
        return out;
    }
}
