package app.atelier.challenge;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

@RegisterConstructorMapper(TechnologyDao.Row.class)
interface TechnologyDao {
    /** A sheet as stored: its arrangements and pictures as comma lists, its documents as typed, a line each. */
    record Row(long challengeId, String summary, String capabilities, String arrangements, String documents, String pictures, Instant updatedAt) {
        Technology technology() {
            return new Technology(challengeId, summary, capabilities, Arrangement.split(arrangements), documents, TechnologyForm.documents(documents),
                    pictureList(pictures), updatedAt);
        }

        static List<String> pictureList(String pictures) {
            return Arrays.stream(pictures.split(",")).filter(p -> !p.isBlank()).toList();
        }
    }

    @SqlQuery("SELECT challenge_id, summary, capabilities, arrangements, documents, pictures, updated_at FROM technology WHERE challenge_id = :challengeId")
    Optional<Row> find(long challengeId);

    @SqlUpdate("""
            INSERT INTO technology (challenge_id, summary, capabilities, arrangements, documents, pictures, updated_at)
            VALUES (:challengeId, :t.summary, :t.capabilities, :arrangements, :t.documentLines, :pictures, :now)
            ON CONFLICT (challenge_id) DO UPDATE SET summary = excluded.summary, capabilities = excluded.capabilities,
                arrangements = excluded.arrangements, documents = excluded.documents, pictures = excluded.pictures, updated_at = excluded.updated_at""")
    void save(long challengeId, @BindMethods("t") TechnologyForm.Parsed sheet, String arrangements, String pictures, Instant now);
}
