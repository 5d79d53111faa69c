package app.atelier.contribution;

import java.time.Instant;
import org.jdbi.v3.sqlobject.customizer.Define;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** What a member must have done, or not yet done too often, before they post. */
interface PostingDao {
    @SqlUpdate("INSERT INTO terms_acceptance (challenge_id, member_id, version, accepted_at) VALUES (:challengeId, :memberId, :version, :now)")
    void acceptTerms(long challengeId, long memberId, int version, Instant now);

    @SqlQuery("SELECT count(*) > 0 FROM terms_acceptance WHERE challenge_id = :challengeId AND member_id = :memberId AND version = :version")
    boolean acceptedTerms(long challengeId, long memberId, int version);

    @SqlQuery("SELECT created_at > :since FROM member WHERE id = :memberId")
    boolean joinedSince(long memberId, Instant since);

    /** @param table "contribution" or "comment", never from a request */
    @SqlQuery("SELECT count(*) FROM <table> WHERE author_id = :memberId AND created_at > :since")
    long postedSince(@Define("table") String table, long memberId, Instant since);
}
