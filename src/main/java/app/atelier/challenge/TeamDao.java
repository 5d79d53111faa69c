package app.atelier.challenge;

import java.time.Instant;
import java.util.List;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

@RegisterConstructorMapper(TeamMember.class)
interface TeamDao {
    @SqlQuery("""
            SELECT t.member_id, m.name, t.lead FROM challenge_team t JOIN member m ON m.id = t.member_id
            WHERE t.challenge_id = :challengeId ORDER BY t.lead DESC, m.name""")
    List<TeamMember> team(long challengeId);

    @SqlQuery("SELECT count(*) > 0 FROM challenge_team WHERE challenge_id = :challengeId AND member_id = :memberId")
    boolean inTeam(long challengeId, long memberId);

    @SqlUpdate("INSERT INTO challenge_team (challenge_id, member_id, added_at) VALUES (:challengeId, :memberId, :now) ON CONFLICT DO NOTHING")
    void add(long challengeId, long memberId, Instant now);

    @SqlUpdate("DELETE FROM challenge_team WHERE challenge_id = :challengeId AND member_id = :memberId")
    int remove(long challengeId, long memberId);

    /**
     * Makes one member the lead: the lead before steps back first, in the same transaction, because the
     * one-lead index is checked row by row and a single swapping update would collide with itself.
     */
    default void lead(long challengeId, long memberId) {
        stepBack(challengeId);
        takeLead(challengeId, memberId);
    }

    @SqlUpdate("UPDATE challenge_team SET lead = 0 WHERE challenge_id = :challengeId AND lead = 1")
    void stepBack(long challengeId);

    @SqlUpdate("UPDATE challenge_team SET lead = 1 WHERE challenge_id = :challengeId AND member_id = :memberId")
    void takeLead(long challengeId, long memberId);

    @SqlQuery("SELECT staff_notes FROM challenge WHERE id = :challengeId")
    String notes(long challengeId);

    @SqlUpdate("UPDATE challenge SET staff_notes = :notes WHERE id = :challengeId")
    void writeNotes(long challengeId, String notes);

    @SqlQuery("SELECT count(*) > 0 FROM contribution WHERE challenge_id = :challengeId AND author_id = :memberId")
    boolean contributed(long challengeId, long memberId);
}
