package app.atelier.challenge;

import app.atelier.community.Segment;
import app.atelier.db.Columns;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.StatementContext;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.config.RegisterRowMapper;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.statement.GetGeneratedKeys;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

@RegisterRowMapper(ChallengeDao.ChallengeRows.class)
public interface ChallengeDao {
    String SELECT = """
            SELECT c.id, c.organisation_id, o.name AS organisation_name, c.title, c.brief, c.stage, c.mode, c.kinds,
                   c.state, c.opens_at, c.closes_at, c.opened_at, c.created_at, c.contribution_count,
                   c.segment_tags, c.segment_country, c.segment_age_range, c.segment_occupation,
                   c.voting_closes_at, c.vote_budget, c.review_threshold, c.visibility, c.ip_terms, c.terms_version,
                   c.question_count, c.hypothesis_count, o.logo AS organisation_logo, c.cover,
                   EXISTS (SELECT 1 FROM technology t WHERE t.challenge_id = c.id) AS technology_described
            FROM challenge c JOIN organisation o ON o.id = c.organisation_id""";

    /** The challenge that shows a stored picture, as its cover or on its technology sheet, if any does. */
    @SqlQuery("""
            SELECT id FROM challenge WHERE cover = :picture
            UNION SELECT challenge_id FROM technology WHERE ',' || pictures || ',' LIKE '%,' || :picture || ',%'
            LIMIT 1""")
    Optional<Long> showing(String picture);

    @SqlQuery("SELECT cover FROM challenge WHERE id = :id")
    String cover(long id);

    @SqlUpdate("UPDATE challenge SET cover = :cover WHERE id = :id")
    void setCover(long id, String cover);

    @SqlUpdate("""
            INSERT INTO challenge (organisation_id, title, brief, stage, mode, kinds, opens_at, closes_at, created_by, created_at,
                                   segment_tags, segment_country, segment_age_range, segment_occupation,
                                   voting_closes_at, vote_budget, review_threshold, visibility, ip_terms)
            VALUES (:organisationId, :c.title, :c.brief, :c.stage, :c.mode, :kinds, :c.opensAt, :c.closesAt, :createdBy, :now,
                    :s.tags, :s.country, :s.ageRange, :s.occupation, :c.votingClosesAt, :c.voteBudget, :c.reviewThreshold,
                    :c.visibility, :c.ipTerms)""")
    @GetGeneratedKeys("id")
    long insert(long organisationId, @BindMethods("c") ChallengeForm.Parsed challenge, @BindMethods("s") Segment segment,
                String kinds, long createdBy, Instant now);

    @SqlUpdate("""
            UPDATE challenge SET title = :c.title, brief = :c.brief, stage = :c.stage, mode = :c.mode, kinds = :kinds,
                   opens_at = :c.opensAt, closes_at = :c.closesAt, segment_tags = :s.tags, segment_country = :s.country,
                   segment_age_range = :s.ageRange, segment_occupation = :s.occupation, voting_closes_at = :c.votingClosesAt,
                   vote_budget = :c.voteBudget, review_threshold = :c.reviewThreshold, visibility = :c.visibility,
                   terms_version = terms_version + CASE WHEN ip_terms <> :c.ipTerms THEN 1 ELSE 0 END, ip_terms = :c.ipTerms
            WHERE id = :id""")
    void update(long id, @BindMethods("c") ChallengeForm.Parsed challenge, @BindMethods("s") Segment segment,
                String kinds);

    /** Challenges are read on nearly every page: their rows are read without reflection. */
    class ChallengeRows implements RowMapper<Challenge> {
        @Override
        public Challenge map(ResultSet rs, StatementContext ctx) throws SQLException {
            return new Challenge(rs.getLong("id"), rs.getLong("organisation_id"), rs.getString("organisation_name"), rs.getString("title"),
                    rs.getString("brief"), Columns.choice(rs, "stage", Stage.class), Columns.choice(rs, "mode", Mode.class), rs.getString("kinds"),
                    Columns.choice(rs, "state", ChallengeState.class), Columns.instant(rs, "opens_at"), Columns.instant(rs, "closes_at"),
                    Columns.instant(rs, "opened_at"), Columns.instant(rs, "created_at"), rs.getLong("contribution_count"),
                    rs.getString("segment_tags"), rs.getString("segment_country"), rs.getString("segment_age_range"),
                    rs.getString("segment_occupation"), Columns.instant(rs, "voting_closes_at"), Columns.nullableInt(rs, "vote_budget"),
                    Columns.nullableInt(rs, "review_threshold"), Columns.choice(rs, "visibility", Visibility.class), rs.getString("ip_terms"),
                    rs.getInt("terms_version"), rs.getInt("question_count"), rs.getInt("hypothesis_count"), rs.getString("organisation_logo"),
                    rs.getString("cover"), rs.getBoolean("technology_described"));
        }
    }

    @SqlQuery(SELECT + " WHERE c.id = :id")
    Optional<Challenge> find(long id);

    /** Open challenges that are not private, the last opened first, after a cursor of opening time (ms) and id. */
    @SqlQuery(SELECT + """
             WHERE c.state = 'OPEN' AND c.visibility <> 'PRIVATE' AND (c.opened_at, c.id) < (:key, :id)
            ORDER BY c.opened_at DESC, c.id DESC LIMIT :limit""")
    List<Challenge> open(double key, long id, int limit);

    /** Challenges past their draft that are not private, narrowed by a filter, the newest first, after a cursor of id. */
    @SqlQuery(SELECT + " WHERE " + ChallengeShare.LISTED + """
             AND (:f.stage IS NULL OR c.stage = :f.stage)
            AND (:f.state IS NULL OR c.state = :f.state) AND (:f.mode IS NULL OR c.mode = :f.mode)
            AND (:f.organisationId IS NULL OR c.organisation_id = :f.organisationId) AND c.id < :id
            ORDER BY c.id DESC LIMIT :limit""")
    List<Challenge> browse(@BindMethods("f") ChallengeFilter filter, long id, int limit);

    /** The organisations with challenges anyone can see, those with the most open first, one page of them. */
    @SqlQuery("""
            SELECT o.id, o.name, o.logo, sum(CASE WHEN c.state IN ('OPEN', 'VOTING') THEN 1 ELSE 0 END) AS open_challenges, count(*) AS challenges
            FROM organisation o JOIN challenge c ON c.organisation_id = o.id WHERE\s""" + ChallengeShare.LISTED + """
             GROUP BY o.id, o.name, o.logo ORDER BY open_challenges DESC, o.name, o.id LIMIT :limit OFFSET :offset""")
    @RegisterConstructorMapper(OrganisationCard.class)
    List<OrganisationCard> directory(int limit, long offset);

    @SqlQuery("SELECT count(DISTINCT c.organisation_id) FROM challenge c WHERE " + ChallengeShare.LISTED)
    long inDirectory();

    /** The organisations that have a challenge a visitor can see, by name: the choices of the challenges page. */
    @SqlQuery("""
            SELECT o.id, o.name FROM organisation o
            WHERE EXISTS (SELECT 1 FROM challenge c WHERE c.organisation_id = o.id AND\s""" + ChallengeShare.LISTED + """
            ) ORDER BY o.name, o.id""")
    @RegisterConstructorMapper(OrganisationName.class)
    List<OrganisationName> withVisibleChallenges();

    /** An organisation's challenges, the newest first, after a cursor of id; its staff see drafts and private ones too. */
    @SqlQuery(SELECT + " WHERE c.organisation_id = :organisationId AND (:staff = 1 OR (" + ChallengeShare.LISTED + """
            )) AND c.id < :id ORDER BY c.id DESC LIMIT :limit""")
    List<Challenge> ofOrganisation(long organisationId, boolean staff, long id, int limit);

    /** Moves the state only from the expected one, so that a transition happens once. */
    @SqlUpdate("""
            UPDATE challenge SET state = :to, opened_at = CASE WHEN :to = 'OPEN' THEN :now ELSE opened_at END,
                decided_at = CASE WHEN :to = 'DECIDED' THEN :now ELSE decided_at END
            WHERE id = :id AND state = :from""")
    int move(long id, ChallengeState from, ChallengeState to, Instant now);

    /** Drafts past their opening day; the date scheduler of one instance takes them, the others pass them by. */
    @SqlQuery("SELECT id FROM challenge WHERE state = 'DRAFT' AND opens_at <= :now <skipLocked>")
    List<Long> dueToOpen(Instant now);

    /** Open challenges past their closing day, with whether a voting period follows. */
    @SqlQuery("SELECT id FROM challenge WHERE state = 'OPEN' AND closes_at <= :now AND (voting_closes_at IS NOT NULL) = (:voting = 1) <skipLocked>")
    List<Long> dueToClose(Instant now, boolean voting);

    @SqlQuery("SELECT id FROM challenge WHERE state = 'VOTING' AND voting_closes_at <= :now <skipLocked>")
    List<Long> dueToEndVoting(Instant now);

    @SqlUpdate("UPDATE challenge SET contribution_count = contribution_count + 1 WHERE id = :id")
    void countContribution(long id);

    /** Those who contributed to the challenge or commented on it. */
    @SqlQuery("""
            SELECT author_id FROM contribution WHERE challenge_id = :challengeId
            UNION SELECT x.author_id FROM comment x JOIN contribution k ON k.id = x.contribution_id WHERE k.challenge_id = :challengeId""")
    List<Long> participants(long challengeId);

    @SqlUpdate("UPDATE challenge SET outcome = :outcome WHERE id = :id")
    void recordOutcome(long id, String outcome);

    /** What the decision said to the community; empty before it. */
    @SqlQuery("SELECT outcome FROM challenge WHERE id = :id")
    String outcome(long id);

    /** When the challenge last moved into this state, if it ever did. */
    @SqlQuery("SELECT max(created_at) FROM challenge_announcement WHERE challenge_id = :challengeId AND to_state = :state")
    Optional<Instant> movedAt(long challengeId, ChallengeState state);

    /** A move its participants must hear of, told after the move's transaction. */
    record Announcement(long id, long challengeId, String challengeTitle, ChallengeState toState, long actorId, String actorName, long toldUpTo) {
    }

    @SqlUpdate("""
            INSERT INTO challenge_announcement (challenge_id, to_state, actor_id, actor_name, created_at)
            VALUES (:challengeId, :toState, :actorId, :actorName, :now)""")
    void announce(long challengeId, ChallengeState toState, long actorId, String actorName, Instant now);

    /** The last move of each challenge that has stayed put since {@code settled}: quick moves in a row are told as one. */
    @SqlQuery("""
            SELECT a.id, a.challenge_id, c.title AS challenge_title, a.to_state, a.actor_id, a.actor_name, a.told_up_to
            FROM challenge_announcement a JOIN challenge c ON c.id = a.challenge_id
            WHERE a.done_at IS NULL AND a.created_at <= :settled
              AND NOT EXISTS (SELECT 1 FROM challenge_announcement b WHERE b.challenge_id = a.challenge_id AND b.id > a.id)
            ORDER BY a.id""")
    @RegisterConstructorMapper(Announcement.class)
    List<Announcement> pendingAnnouncements(Instant settled);

    /** Moves a later move of the same challenge overtook are done without being told. */
    @SqlUpdate("""
            UPDATE challenge_announcement SET done_at = :now
            WHERE done_at IS NULL AND EXISTS (SELECT 1 FROM challenge_announcement b WHERE b.challenge_id = challenge_announcement.challenge_id
                                              AND b.id > challenge_announcement.id)""")
    int overtaken(Instant now);

    /** Moves the announcement on past the members just told; 0 when another worker already did. */
    @SqlUpdate("UPDATE challenge_announcement SET told_up_to = :upTo WHERE id = :id AND told_up_to = :from AND done_at IS NULL")
    int toldUpTo(long id, long from, long upTo);

    @SqlUpdate("UPDATE challenge_announcement SET done_at = :now WHERE id = :id")
    void announced(long id, Instant now);
}
